using System.Security.Cryptography;
using System.Text;
using DocBpm.Axis.Data;
using DocBpm.Edxml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Axis.Agencies;

/// <summary>Registers the configured agencies (keys stored as hashes) and checks an agency's credentials.</summary>
public sealed class AgencyRegistry(AxisDbContext db, IOptions<AxisOptions> options)
{
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        foreach (var agency in options.Value.Agencies)
        {
            if (!agency.Identifiers.ToPatterns().IsAgencyCode(agency.Code) || agency.Key.Length < 16)
                throw new InvalidOperationException($"Axis agency '{agency.Code}' needs a valid identifier code and a key of at least 16 characters.");
            var record = await db.Agencies.FirstOrDefaultAsync(a => a.Code == agency.Code, cancellationToken);
            if (record is null)
                db.Agencies.Add(new AgencyRecord { Code = agency.Code, Name = agency.Name, KeyHash = Hash(agency.Key) });
            else
                (record.Name, record.KeyHash) = (agency.Name, Hash(agency.Key));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AgencyRecord?> AuthenticateAsync(string code, string key, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, cancellationToken);
        var presented = Convert.FromHexString(Hash(key));
        var stored = agency is null ? new byte[presented.Length] : Convert.FromHexString(agency.KeyHash);
        return CryptographicOperations.FixedTimeEquals(presented, stored) && agency is not null ? agency : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
