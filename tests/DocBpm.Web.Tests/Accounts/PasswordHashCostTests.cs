using System.Buffers.Binary;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Accounts;

/// <summary>
/// The test hosts hash passwords with one PBKDF2 round to save time (<see cref="DocBpmWebFactory.ProductionPasswordHashing"/>);
/// this proves that the host itself, as deployed, still stores the full-cost hash.
/// </summary>
[TestClass]
public sealed class PasswordHashCostTests
{
    /// <summary>Identity's own default (format v3, PBKDF2 with HMAC-SHA512); a deployment must not go below it.</summary>
    private const int ProductionRounds = 100_000;

    [TestMethod]
    public async Task Security_a_host_as_deployed_stores_passwords_with_at_least_100000_PBKDF2_rounds()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        host.ProductionPasswordHashing = true;

        await host.LoginAsync("vanthu");

        await using var scope = host.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("vanthu");
        var hash = Convert.FromBase64String(user!.PasswordHash!);
        Assert.AreEqual(0x01, hash[0], "Identity's v3 format, which names its round count");
        Assert.IsGreaterThanOrEqualTo(ProductionRounds, (int)BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)),
            "the rounds the seeded demo password was hashed with");
    }
}
