using DocBpm.Engine.Persistence;

namespace DocBpm.Engine.Timers.Quartz;

/// <summary>
/// The tables Quartz 4.7's ADO job store reads and writes, column for column as the provisioning scripts shipped in
/// the Quartz package declare them (a test compares the two, so a Quartz upgrade that changes its schema fails the
/// build until this list and a migration follow).
/// </summary>
internal static class QuartzTables
{
    private static readonly string[] TriggerKey = ["SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP"];
    private static readonly string[] JobKey = ["SCHED_NAME", "JOB_NAME", "JOB_GROUP"];
    private static readonly string[] EntryKey = ["SCHED_NAME", "ENTRY_ID"];

    public static IReadOnlyList<QuartzTable> All { get; } =
    [
        new("JOB_DETAILS",
        [
            SchedName(), Text("JOB_NAME", 150), Text("JOB_GROUP", 150), Text("DESCRIPTION", 250, nullable: true),
            Text("JOB_CLASS_NAME", 250), Bool("IS_DURABLE"), Bool("IS_NONCONCURRENT"), Bool("IS_UPDATE_DATA"),
            Bool("REQUESTS_RECOVERY"), Blob("JOB_DATA", nullable: true),
        ], JobKey)
        {
            Indexes = [new("J_G_N", ["SCHED_NAME", "JOB_GROUP", "JOB_NAME"])],
        },
        new("TRIGGERS",
        [
            .. TriggerKeyColumns(), Text("JOB_NAME", 150), Text("JOB_GROUP", 150), Text("DESCRIPTION", 250, nullable: true),
            BigInt("NEXT_FIRE_TIME", nullable: true), BigInt("PREV_FIRE_TIME", nullable: true), Int("PRIORITY", nullable: true),
            Text("TRIGGER_STATE", 16), Text("TRIGGER_TYPE", 8), BigInt("START_TIME"), BigInt("END_TIME", nullable: true),
            Text("CALENDAR_NAME", 200, nullable: true), new("MISFIRE_INSTR", new(ColumnKind.SmallInt), IsNullable: true),
            BigInt("MISFIRE_ORIG_FIRE_TIME", nullable: true), Bounded("EXECUTION_GROUP", 200), Bounded("PREFERRED_NODE", 200),
            Bool("PREFERRED_NODE_AUTO") with { DefaultValue = false }, Bounded("RETRY_POLICY", 250), Int("RETRY_ATTEMPT", nullable: true),
            Text("CONTINUES_TRIGGER_NAME", 150, nullable: true), Text("CONTINUES_TRIGGER_GROUP", 150, nullable: true),
            Int("CONTINUATION_CONDITION", nullable: true), Int("OVERLAP_POLICY", nullable: true), .. PauseColumns(),
            BigInt("MISFIRE_THRESHOLD", nullable: true), Bool("FIXED_DELAY", nullable: true), Blob("JOB_DATA", nullable: true),
        ], TriggerKey)
        {
            ForeignKeys = [new("JOB_DETAILS", JobKey, CascadeDelete: false)],
            Indexes =
            [
                new("T_J", JobKey),
                new("T_G_N", ["SCHED_NAME", "TRIGGER_GROUP", "TRIGGER_NAME"]),
                new("T_C", ["SCHED_NAME", "CALENDAR_NAME"]),
                new("T_NFT_ST", ["SCHED_NAME", "TRIGGER_STATE", "NEXT_FIRE_TIME", "PRIORITY", "MISFIRE_INSTR"])
                {
                    Descending = [false, false, false, true, false],
                },
            ],
        },
        TriggerExtension("SIMPLE_TRIGGERS",
            // SQL Server's script keeps the 3.x int counters; the others widened them.
            BigInt("REPEAT_COUNT").On(DatabaseProvider.SqlServer, c => c with { Type = new(ColumnKind.Int) }),
            BigInt("REPEAT_INTERVAL"),
            BigInt("TIMES_TRIGGERED").On(DatabaseProvider.SqlServer, c => c with { Type = new(ColumnKind.Int) })),
        TriggerExtension("CRON_TRIGGERS",
            Text("CRON_EXPRESSION", 250).On(DatabaseProvider.SqlServer, c => c with { Type = new(ColumnKind.Text, 120) }),
            Text("TIME_ZONE_ID", 80, nullable: true)),
        TriggerExtension("SIMPROP_TRIGGERS",
            Text("STR_PROP_1", 512, nullable: true), Text("STR_PROP_2", 512, nullable: true), Text("STR_PROP_3", 512, nullable: true),
            Int("INT_PROP_1", nullable: true), Int("INT_PROP_2", nullable: true),
            BigInt("LONG_PROP_1", nullable: true), BigInt("LONG_PROP_2", nullable: true),
            new("DEC_PROP_1", new(ColumnKind.Decimal), IsNullable: true), new("DEC_PROP_2", new(ColumnKind.Decimal), IsNullable: true),
            Bool("BOOL_PROP_1", nullable: true), Bool("BOOL_PROP_2", nullable: true), Text("TIME_ZONE_ID", 80, nullable: true)),
        TriggerExtension("BLOB_TRIGGERS", Blob("BLOB_DATA", nullable: true)) with
        {
            ForeignKeys = [TriggerForeignKey() with { AbsentOn = DatabaseProvider.SqlServer }],
        },
        new("CALENDARS", [SchedName(), Text("CALENDAR_NAME", 200), Blob("CALENDAR", nullable: false)], ["SCHED_NAME", "CALENDAR_NAME"]),
        new("PAUSED_TRIGGER_GRPS", [SchedName(), Text("TRIGGER_GROUP", 150), .. PauseColumns()], ["SCHED_NAME", "TRIGGER_GROUP"]),
        new("PAUSED_JOB_GRPS", [SchedName(), Text("JOB_GROUP", 150), .. PauseColumns()], ["SCHED_NAME", "JOB_GROUP"]),
        new("FIRED_TRIGGERS",
        [
            SchedName(), Text("ENTRY_ID", 140), Text("TRIGGER_NAME", 150), Text("TRIGGER_GROUP", 150), Text("INSTANCE_NAME", 200),
            BigInt("FIRED_TIME"), BigInt("SCHED_TIME"), Int("PRIORITY"), Text("STATE", 16),
            Text("JOB_NAME", 150, nullable: true), Text("JOB_GROUP", 150, nullable: true),
            Bool("IS_NONCONCURRENT", nullable: true).On(DatabaseProvider.PostgreSql, c => c with { IsNullable = false }),
            Bool("REQUESTS_RECOVERY", nullable: true), Bounded("EXECUTION_GROUP", 200), Int("PROGRESS", nullable: true),
            Bounded("PROGRESS_MESSAGE", 250), BigInt("INTERRUPT_REQUESTED_TIME", nullable: true),
        ], EntryKey)
        {
            Indexes =
            [
                new("FT_INST_JOB_REQ_RCVRY", ["SCHED_NAME", "INSTANCE_NAME", "REQUESTS_RECOVERY"]),
                new("FT_J_G", JobKey),
                new("FT_T_G", TriggerKey),
            ],
        },
        new("SCHEDULER_STATE",
        [
            SchedName(), Text("INSTANCE_NAME", 200), BigInt("LAST_CHECKIN_TIME"), BigInt("CHECKIN_INTERVAL"),
            Bounded("QUARTZ_VERSION", 20),
        ], ["SCHED_NAME", "INSTANCE_NAME"]),
        new("LOCKS", [SchedName(), Text("LOCK_NAME", 40)], ["SCHED_NAME", "LOCK_NAME"]),
        new("EXECUTION_HISTORY",
        [
            SchedName(), Text("ENTRY_ID", 140), Text("INSTANCE_NAME", 200), Text("JOB_NAME", 150), Text("JOB_GROUP", 150),
            Text("TRIGGER_NAME", 150), Text("TRIGGER_GROUP", 150), BigInt("FIRED_TIME"), BigInt("RUN_TIME"), Bool("SUCCEEDED"),
            Text("ERROR_MESSAGE", 1000, nullable: true), Int("RETRY_ATTEMPT") with { DefaultValue = 0 },
            Bool("RETRY_SCHEDULED") with { DefaultValue = false }, LongText("EXECUTION_LOG"), Int("RESULT", nullable: true),
            Text("SUMMARY", 1000, nullable: true), LongText("METRICS"), Bool("MANUAL", nullable: true),
            Text("FIRE_INSTANCE_ID", 140, nullable: true), LongText("JOB_INPUT"), Bool("JOB_INPUT_TOO_LARGE", nullable: true),
        ], EntryKey)
        {
            Indexes =
            [
                new("EH_FIRED_TIME", ["SCHED_NAME", "FIRED_TIME"]),
                new("EH_INST", ["SCHED_NAME", "INSTANCE_NAME"]),
                new("EH_JOB_TIME", ["SCHED_NAME", "JOB_GROUP", "JOB_NAME", "FIRED_TIME"]),
                new("EH_FIRE_INST", ["SCHED_NAME", "FIRE_INSTANCE_ID"]),
                new("EH_TRIG_TIME", ["SCHED_NAME", "TRIGGER_GROUP", "TRIGGER_NAME", "FIRED_TIME"]),
            ],
        },
        new("MISFIRE_HISTORY",
        [
            SchedName(), Text("ENTRY_ID", 140), Text("INSTANCE_NAME", 200), Text("TRIGGER_NAME", 150), Text("TRIGGER_GROUP", 150),
            Text("JOB_NAME", 150, nullable: true), Text("JOB_GROUP", 150, nullable: true), BigInt("MISFIRE_TIME"),
            BigInt("SCHED_TIME", nullable: true), Int("REASON", nullable: true),
        ], EntryKey)
        {
            Indexes =
            [
                new("MH_MISFIRE_TIME", ["SCHED_NAME", "MISFIRE_TIME"]),
                new("MH_INST", ["SCHED_NAME", "INSTANCE_NAME"]),
            ],
        },
        new("JOB_STATUS",
        [
            SchedName(), Text("JOB_GROUP", 150), Text("JOB_NAME", 150), BigInt("FIRST_FIRED_TIME"), BigInt("LAST_FIRED_TIME"),
            Int("LAST_RESULT"), BigInt("LAST_RUN_TIME"), Text("LAST_INSTANCE_NAME", 200), Text("LAST_ENTRY_ID", 140, nullable: true),
            Text("LAST_SUMMARY", 1000, nullable: true), BigInt("LAST_SUCCESS_TIME", nullable: true),
            BigInt("LAST_FAILURE_TIME", nullable: true), Text("LAST_FAILURE_MESSAGE", 1000, nullable: true),
            Int("CONSECUTIVE_FAILURES") with { DefaultValue = 0 }, BigInt("RUN_COUNT") with { DefaultValue = 0L },
            BigInt("FAILURE_COUNT") with { DefaultValue = 0L },
        ], ["SCHED_NAME", "JOB_GROUP", "JOB_NAME"]),
    ];

    /// <summary>A per-type trigger table: keyed by its trigger, and deleted with it.</summary>
    private static QuartzTable TriggerExtension(string name, params QuartzColumn[] columns) =>
        new(name, [.. TriggerKeyColumns(), .. columns], TriggerKey) { ForeignKeys = [TriggerForeignKey()] };

    private static QuartzForeignKey TriggerForeignKey() => new("TRIGGERS", TriggerKey, CascadeDelete: true);

    private static QuartzColumn[] TriggerKeyColumns() => [SchedName(), Text("TRIGGER_NAME", 150), Text("TRIGGER_GROUP", 150)];

    private static QuartzColumn[] PauseColumns() => [Bounded("PAUSE_REASON", 250), Bounded("PAUSED_BY", 200), BigInt("PAUSED_AT", nullable: true)];

    private static QuartzColumn SchedName() => Text("SCHED_NAME", 120);

    private static QuartzColumn Text(string name, int length, bool nullable = false) => new(name, new(ColumnKind.Text, length), nullable);

    private static QuartzColumn Bounded(string name, int length) => new(name, new(ColumnKind.BoundedText, length), IsNullable: true);

    private static QuartzColumn LongText(string name) => new(name, new(ColumnKind.LongText), IsNullable: true);

    private static QuartzColumn Int(string name, bool nullable = false) => new(name, new(ColumnKind.Int), nullable);

    private static QuartzColumn BigInt(string name, bool nullable = false) => new(name, new(ColumnKind.BigInt), nullable);

    private static QuartzColumn Bool(string name, bool nullable = false) => new(name, new(ColumnKind.Bool), nullable);

    private static QuartzColumn Blob(string name, bool nullable) => new(name, new(ColumnKind.Blob), nullable);
}
