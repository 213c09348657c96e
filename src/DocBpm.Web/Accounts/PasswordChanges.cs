using Microsoft.AspNetCore.Identity;

namespace DocBpm.Web.Accounts;

/// <summary>The password change of the API and the page: the current password, then Identity's rules in Vietnamese.</summary>
public static class PasswordChanges
{
    public static async Task<Dictionary<string, string[]>> ChangeAsync(AppUser user, string? current, string? next,
        UserManager<AppUser> users)
    {
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next))
            return new() { ["newPassword"] = ["Nhập mật khẩu hiện tại và mật khẩu mới."] };
        if (current == next)
            return new() { ["newPassword"] = ["Mật khẩu mới phải khác mật khẩu hiện tại."] };
        var result = await users.ChangePasswordAsync(user, current, next);
        return result.Succeeded
            ? []
            : result.Errors.GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
    }
}
