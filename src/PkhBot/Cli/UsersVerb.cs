using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PkhBot.Onboarding;

namespace PkhBot.Cli;

/// <summary>`users list [--json] [--all]` and `users revoke TELEGRAM_USER_ID`: who has access, and taking it back.</summary>
public static class UsersVerb
{
    public static Command Create(CliIo io)
    {
        var cmd = new Command("users", "Pengguna bot: daftar dan cabut akses.");
        cmd.Subcommands.Add(List(io));
        cmd.Subcommands.Add(Revoke(io));
        return cmd;
    }

    private static Command List(CliIo io)
    {
        var json = new Option<bool>("--json") { Description = "Satu objek JSON per baris: telegramUserId, role, scope, phoneVerified, lastSeen" };
        var all = new Option<bool>("--all") { Description = "Juga KPM dan pengguna umum (bawaan: hanya petugas)" };
        var cmd = new Command("list", "Petugas yang terhubung: ID Telegram, peran, wilayah, HP terverifikasi, terakhir aktif (tanpa nomor HP).") { json, all };
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Tool, io.HostArgs);
            await app.PrepareAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var users = await scope.ServiceProvider.GetRequiredService<UserAccess>().ListUsersAsync(pr.GetValue(all), ct);
            if (pr.GetValue(json))
            {
                foreach (var u in users)
                    io.Out.WriteLine(JsonSerializer.Serialize(new
                    {
                        telegramUserId = u.TelegramUserId, role = u.Role, scope = u.Scope, phoneVerified = u.PhoneVerified,
                        lastSeen = u.LastSeen.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    }));
                return 0;
            }
            io.Out.WriteLine($"{"ID TELEGRAM",-14} {"PERAN",-12} {"WILAYAH",-24} {"HP",-6} TERAKHIR AKTIF (WIB)");
            foreach (var u in users)
            {
                var phone = u.PhoneVerified switch { true => "ya", false => "tidak", null => "-" };
                io.Out.WriteLine($"{u.TelegramUserId,-14} {u.Role,-12} {Cut(u.Scope, 24),-24} {phone,-6} {OnboardingTexts.WibTime(u.LastSeen)}");
            }
            io.Out.WriteLine($"{users.Count} pengguna.");
            return 0;
        });
        return cmd;
    }

    private static Command Revoke(CliIo io)
    {
        var id = new Argument<long>("telegram-user-id") { Description = "ID Telegram dari `users list`" };
        var cmd = new Command("revoke", "Cabut peran seseorang sekarang juga; dicatat di audit dan orangnya diberi tahu.") { id };
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Tool, io.HostArgs);
            await app.PrepareAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var userId = pr.GetValue(id);
            var (outcome, role) = await scope.ServiceProvider.GetRequiredService<UserAccess>().RevokeUserAsync(userId, ct);
            switch (outcome)
            {
                case UserAccess.RevokeOutcome.Revoked:
                    io.Out.WriteLine($"Akses {role} untuk pengguna {userId} dicabut; tercatat di audit, pemberitahuan diantrekan.");
                    return 0;
                case UserAccess.RevokeOutcome.NotStaff:
                    io.Err.WriteLine($"Pengguna {userId} tidak punya peran petugas ({role}); tidak ada yang dicabut.");
                    return 2;
                default:
                    io.Err.WriteLine($"Pengguna Telegram {userId} tidak dikenal. Lihat `users list` untuk ID yang ada.");
                    return 2;
            }
        });
        return cmd;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
