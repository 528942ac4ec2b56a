using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.Onboarding;

namespace PkhBot.Cli;

public static class InviteVerb
{
    public const string BotPlaceholder = "NAMA_BOT";

    public static Command Create(CliIo io)
    {
        var role = new Option<string>("--role") { Description = "Peran yang diundang", Required = true };
        role.AcceptOnlyFromAmong("pendamping", "koordinator", "admin", "mitra", "pemantau");
        var kode = new Option<string?>("--pendamping-kode") { Description = "Kode pendamping (wajib untuk --role pendamping)" };
        var kecamatan = new Option<string[]>("--kecamatan") { Description = "Kecamatan wilayah koordinator (boleh lebih dari satu); tanpa ini = seluruh kabupaten", AllowMultipleArgumentsPerToken = true };
        var nama = new Option<string?>("--nama") { Description = "Nama koordinator (opsional)" };
        var json = new Option<bool>("--json") { Description = "Cetak {\"code\",\"link\",\"expires\"} sebagai JSON" };
        var mitra = new Option<string?>("--mitra") { Description = "Kode mitra dari katalog (wajib untuk --role mitra), mis. DINKOP" };
        var desa = new Option<string?>("--desa") { Description = "Desa untuk --role pemantau (kepala desa); tanpa ini = seluruh kecamatan (camat)" };
        var create = new Command("create", "Buat kode undangan sekali pakai (berlaku 7 hari) dan tautan t.me untuk /start.") { role, kode, kecamatan, nama, json, mitra, desa };
        create.SetAction(async (pr, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Tool, io.HostArgs);
            await app.PrepareAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

            var target = pr.GetValue(role) == "pemantau" || pr.GetValue(desa) is not null
                ? await ResolvePemantauAsync(db, pr.GetValue(role)!, pr.GetValue(kecamatan) ?? [], pr.GetValue(desa), pr.GetValue(kode), ct)
                : pr.GetValue(role) == "mitra" || pr.GetValue(mitra) is not null
                ? ResolveMitra(scope.ServiceProvider.GetRequiredService<Referrals.MitraCatalogue>(), pr.GetValue(role)!, pr.GetValue(mitra), pr.GetValue(kode), pr.GetValue(kecamatan) ?? [])
                : await ResolveAsync(db, clock, pr.GetValue(role)!, pr.GetValue(kode), pr.GetValue(kecamatan) ?? [], pr.GetValue(nama), ct);
            if (target.Error is not null)
            {
                io.Err.WriteLine(target.Error);
                return 2;
            }
            var invite = await scope.ServiceProvider.GetRequiredService<InviteService>()
                .CreateAsync(target.Role, target.PendampingId, target.CoordinatorId, target.MitraCode, ct, target.KecamatanId, target.DesaId);

            var bot = app.Configuration["Telegram:BotUsername"]?.Trim().TrimStart('@');
            if (string.IsNullOrEmpty(bot))
            {
                bot = BotPlaceholder;
                io.Err.WriteLine("Telegram:BotUsername belum diisi: ganti NAMA_BOT di tautan dengan username bot Anda (tanpa @), atau isi setelan itu.");
            }
            var link = $"https://t.me/{bot}?start={invite.Code}";
            if (pr.GetValue(json))
            {
                io.Out.WriteLine(JsonSerializer.Serialize(new { code = invite.Code, link, expires = invite.ExpiresAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }));
            }
            else
            {
                io.Out.WriteLine($"Undangan {target.Description}");
                io.Out.WriteLine($"Kode    : {invite.Code}");
                io.Out.WriteLine($"Berlaku : sampai {OnboardingTexts.WibTime(invite.ExpiresAt)} (sekali pakai)");
                io.Out.WriteLine($"Tautan  : {link}");
            }
            return 0;
        });
        var cmd = new Command("invite", "Undangan untuk pendamping, koordinator dan admin.");
        cmd.Subcommands.Add(create);
        cmd.Subcommands.Add(List(io));
        cmd.Subcommands.Add(Revoke(io));
        return cmd;
    }

    /// <summary>`invite list`: every invite and its state, without codes (only their hashes are stored).</summary>
    private static Command List(CliIo io)
    {
        var cmd = new Command("list", "Semua undangan dan statusnya (aktif, dipakai, kedaluwarsa, dicabut); kode tidak ditampilkan.");
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Tool, io.HostArgs);
            await app.PrepareAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var invites = await scope.ServiceProvider.GetRequiredService<UserAccess>().ListInvitesAsync(ct);
            io.Out.WriteLine($"{"NO",-6} {"PERAN",-12} {"UNTUK",-24} {"STATUS",-12} BERLAKU SAMPAI (WIB)");
            foreach (var i in invites)
                io.Out.WriteLine($"#{i.Id,-5} {i.Role,-12} {i.Target,-24} {i.Status + (i.UsedByUserId is { } u ? $" ({u})" : ""),-12} {OnboardingTexts.WibTime(i.ExpiresAt)}");
            io.Out.WriteLine($"{invites.Count} undangan. Cabut yang belum dipakai: invite revoke KODE (atau #NO).");
            return 0;
        });
        return cmd;
    }

    /// <summary>`invite revoke CODE` (or #NO from the list): the code stops working at once.</summary>
    private static Command Revoke(CliIo io)
    {
        var code = new Argument<string>("code") { Description = "Kode undangan, atau #NO dari `invite list`" };
        var cmd = new Command("revoke", "Cabut undangan yang belum dipakai.") { code };
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Tool, io.HostArgs);
            await app.PrepareAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var (outcome, id, usedBy) = await scope.ServiceProvider.GetRequiredService<UserAccess>().RevokeInviteAsync(pr.GetValue(code)!, ct);
            switch (outcome)
            {
                case UserAccess.RevokeOutcome.Revoked:
                    io.Out.WriteLine($"Undangan #{id} dicabut: kodenya tidak bisa dipakai lagi.");
                    return 0;
                case UserAccess.RevokeOutcome.Used:
                    io.Err.WriteLine($"Undangan #{id} sudah dipakai oleh pengguna {usedBy}: cabut aksesnya dengan `users revoke {usedBy}`.");
                    return 2;
                default:
                    io.Err.WriteLine("Kode undangan tidak dikenal. Periksa kodenya, atau pakai #NO dari `invite list`.");
                    return 2;
            }
        });
        return cmd;
    }

    private sealed record Target(Role Role, int? PendampingId, int? CoordinatorId, string Description, string? Error = null, string? MitraCode = null,
        int? KecamatanId = null, int? DesaId = null);

    private static async Task<Target> ResolvePemantauAsync(PkhDbContext db, string role, string[] kecamatan, string? desa, string? kode, CancellationToken ct)
    {
        if (role != "pemantau") return Fail("--desa hanya untuk --role pemantau.");
        if (kode is not null) return Fail("--role pemantau tidak memakai --pendamping-kode.");
        var names = kecamatan.SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var wilayah = await WilayahIndex.LoadAsync(db, ct);
        if (names.Count != 1)
            return Fail($"--role pemantau memerlukan tepat satu --kecamatan. Pilihan: {string.Join(", ", wilayah.Kecamatan.Select(k => k.Nama).Order())}.");
        if (wilayah.FindKecamatan(names[0]) is not { } k)
            return Fail($"Kecamatan tidak dikenal: {names[0]}. Pilihan: {string.Join(", ", wilayah.Kecamatan.Select(x => x.Nama).Order())}.");
        if (desa is null) return new Target(Role.Pemantau, null, null, $"camat / pemantau Kec. {k.Nama}", KecamatanId: k.Id);
        if (wilayah.FindDesa(k.Id, desa) is not int desaId)
        {
            var choices = await db.Desa.AsNoTracking().Where(d => d.KecamatanId == k.Id).OrderBy(d => d.Nama).Select(d => d.Nama).ToListAsync(ct);
            return Fail($"Desa '{desa}' tidak ada di Kec. {k.Nama}. Pilihan: {string.Join(", ", choices)}.");
        }
        var desaName = await db.Desa.Where(d => d.Id == desaId).Select(d => d.Nama).SingleAsync(ct);
        return new Target(Role.Pemantau, null, null, $"kepala desa / pemantau Desa {desaName}, Kec. {k.Nama}", KecamatanId: k.Id, DesaId: desaId);

        static Target Fail(string error) => new(Role.None, null, null, "", error);
    }

    private static Target ResolveMitra(Referrals.MitraCatalogue catalogue, string role, string? code, string? kode, string[] kecamatan)
    {
        if (role != "mitra") return Fail("--mitra hanya untuk --role mitra.");
        if (kode is not null || kecamatan.Length > 0) return Fail("--role mitra tidak memakai --pendamping-kode atau --kecamatan.");
        if (string.IsNullOrWhiteSpace(code)) return Fail($"--mitra wajib untuk --role mitra. Pilihan: {string.Join(", ", catalogue.All.Select(m => m.Code))}.");
        if (catalogue.Find(code) is not { } m)
            return Fail($"Mitra '{code}' tidak ada di katalog. Pilihan: {string.Join(", ", catalogue.All.Select(x => x.Code))} (katalog: setelan Referrals:CataloguePath).");
        return new Target(Role.Mitra, null, null, $"mitra {m.Name} ({m.Code})", MitraCode: m.Code);

        static Target Fail(string error) => new(Role.None, null, null, "", error);
    }

    private static async Task<Target> ResolveAsync(PkhDbContext db, TimeProvider clock, string role, string? kode, string[] kecamatan, string? nama, CancellationToken ct)
    {
        switch (role)
        {
            case "pendamping":
            {
                if (kecamatan.Length > 0) return Fail("--kecamatan hanya untuk --role koordinator. Wilayah pendamping ikut data roster.");
                if (string.IsNullOrWhiteSpace(kode)) return Fail("--pendamping-kode wajib untuk --role pendamping, mis. --pendamping-kode PDP-001.");
                var p = await db.Pendamping.AsNoTracking().FirstOrDefaultAsync(x => x.Kode == kode.Trim(), ct);
                if (p is null) return Fail($"Pendamping dengan kode '{kode}' tidak ditemukan. Impor roster dulu, atau periksa kodenya.");
                return new Target(Role.Pendamping, p.Id, null, $"pendamping {p.Nama} ({p.Kode})");
            }
            case "koordinator":
            {
                if (kode is not null) return Fail("--pendamping-kode hanya untuk --role pendamping.");
                var wilayah = await WilayahIndex.LoadAsync(db, ct);
                var names = kecamatan.SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                var found = names.Select(n => (Name: n, Kec: wilayah.FindKecamatan(n))).ToList();
                var unknown = found.Where(f => f.Kec is null).Select(f => f.Name).ToList();
                if (unknown.Count > 0)
                    return Fail($"Kecamatan tidak dikenal: {string.Join(", ", unknown)}. Pilihan: {string.Join(", ", wilayah.Kecamatan.Select(k => k.Nama).Order())}.");
                var kecs = found.Select(f => f.Kec!.Value).DistinctBy(k => k.Id).ToList();
                var whole = kecs.Count == 0;
                var scope = whole ? "seluruh kabupaten" : "Kec. " + string.Join(", ", kecs.Select(k => k.Nama));
                var coordinator = new Coordinator
                {
                    Nama = Truncate(string.IsNullOrWhiteSpace(nama) ? $"Koordinator {(whole ? "Kabupaten" : string.Join(", ", kecs.Select(k => k.Nama)))}" : nama.Trim(), 150),
                    WholeKabupaten = whole,
                    CreatedAt = clock.GetUtcNow(),
                    Kecamatan = kecs.Select(k => new CoordinatorKecamatan { KecamatanId = k.Id }).ToList(),
                };
                db.Coordinators.Add(coordinator);
                await db.SaveChangesAsync(ct);
                return new Target(Role.Koordinator, null, coordinator.Id, $"koordinator {coordinator.Nama} ({scope})");
            }
            default:
                if (kode is not null || kecamatan.Length > 0) return Fail("--role admin tidak memakai --pendamping-kode atau --kecamatan.");
                return new Target(Role.Admin, null, null, "admin kabupaten");
        }

        static Target Fail(string error) => new(Role.None, null, null, "", error);
        static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
    }
}
