// Test classes run side by side: each test has its own host, database (MigratedTemplate), loopback port and browser
// context, so only a class that shares something across a run opts out with [DoNotParallelize] and says why.
// Four workers on CI's two cores: much of a test is waiting (database round trips, chromium rendering, polls for the
// scheduler), which another class's work fills.
[assembly: Parallelize(Workers = 4, Scope = ExecutionScope.ClassLevel)]
