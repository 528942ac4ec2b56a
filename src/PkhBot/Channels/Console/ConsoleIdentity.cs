using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Onboarding;
using PkhBot.Referrals;

namespace PkhBot.Channels.Console;

/// <summary>
/// Binds the console user to a role for `chat --as ...`. Console users get negative ids so they can never
/// collide with a Telegram user.
/// </summary>
public sealed class ConsoleIdentity(PkhDbContext db, TimeProvider clock, MitraCatalogue catalogue)
{
    public sealed record Result(long UserId, string Description, string? Error);

    public async Task<Result> BindAsync(string? asSpec, CancellationToken ct)
    {
        var spec = (asSpec ?? "kpm").Trim();
        var colon = spec.IndexOf(':');
        var role = (colon < 0 ? spec : spec[..colon]).ToLowerInvariant();
        var arg = colon < 0 ? null : spec[(colon + 1)..].Trim();
        var now = clock.GetUtcNow();

        switch (role)
        {
            case "kpm":
                await UpsertAsync(-1, Role.Kpm, null, null, "KPM (konsol)", now, ct);
                return new(-1, "KPM", null);
            case "admin":
                await UpsertAsync(-2, Role.Admin, null, null, "Admin (konsol)", now, ct);
                return new(-2, "admin", null);
            case "koordinator":
            {
                var kec = arg is null ? null : await db.Kecamatan.FirstOrDefaultAsync(k => k.Nama.ToLower() == arg.ToLower(), ct);
                if (arg is not null && kec is null) return new(0, "", $"Kecamatan '{arg}' tidak ditemukan.");
                var name = kec is null ? "Koordinator Kabupaten (konsol)" : $"Koordinator {kec.Nama} (konsol)";
                var coordinator = await db.Coordinators.Include(c => c.Kecamatan).FirstOrDefaultAsync(c => c.Nama == name, ct);
                if (coordinator is null)
                {
                    coordinator = new Coordinator { Nama = name, WholeKabupaten = kec is null, CreatedAt = now };
                    if (kec is not null) coordinator.Kecamatan.Add(new CoordinatorKecamatan { KecamatanId = kec.Id });
                    db.Coordinators.Add(coordinator);
                    await db.SaveChangesAsync(ct);
                }
                var userId = -100_000L - coordinator.Id;
                await UpsertAsync(userId, Role.Koordinator, null, coordinator.Id, name, now, ct);
                return new(userId, kec is null ? "koordinator kabupaten" : $"koordinator Kec. {kec.Nama}", null);
            }
            case "pendamping":
            {
                var p = arg is null
                    ? await db.Pendamping.OrderBy(x => x.Kode).FirstOrDefaultAsync(ct)
                    : await db.Pendamping.FirstOrDefaultAsync(x => x.Kode == arg, ct);
                if (p is null) return new(0, "", arg is null ? "Belum ada pendamping. Jalankan seed-demo atau import dulu." : $"Pendamping dengan kode '{arg}' tidak ditemukan.");
                var userId = -1_000_000L - p.Id;
                await UpsertAsync(userId, Role.Pendamping, p.Id, null, p.Nama, now, ct);
                return new(userId, $"pendamping {p.Kode} ({p.Nama})", null);
            }
            case "mitra":
            {
                // DINKOP by default: the demo refers households to it (DemoReferrals), so /rujukan has something to answer.
                var mitra = catalogue.Find(arg ?? DefaultMitra) ?? (arg is null ? catalogue.All[0] : null);
                if (mitra is null) return new(0, "", $"Mitra '{arg}' tidak ada di katalog. Pilih salah satu: {string.Join(", ", catalogue.All.Select(m => m.Code))}.");
                var userId = -200_000L - catalogue.All.ToList().IndexOf(mitra);
                await UpsertAsync(userId, Role.Mitra, null, null, $"{mitra.Code} (konsol)", now, ct, mitraCode: mitra.Code);
                return new(userId, $"mitra {mitra.Code} ({mitra.Name})", null);
            }
            case "pemantau":
            {
                var kec = arg is null
                    ? await db.Kecamatan.OrderBy(k => k.Kode).FirstOrDefaultAsync(ct)
                    : await db.Kecamatan.FirstOrDefaultAsync(k => k.Nama.ToLower() == arg.ToLower(), ct);
                if (kec is null) return new(0, "", arg is null ? "Tabel kecamatan kosong: jalankan migrate dulu." : $"Kecamatan '{arg}' tidak ditemukan.");
                var userId = -300_000L - kec.Id;
                await UpsertAsync(userId, Role.Pemantau, null, null, $"Pemantau {kec.Nama} (konsol)", now, ct, pemantauKecamatanId: kec.Id);
                return new(userId, $"pemantau Kec. {kec.Nama} (hanya angka, tanpa nama)", null);
            }
            default:
                return new(0, "", "Pilihan --as tidak dikenal. Pakai: kpm, admin, koordinator[:KECAMATAN], pendamping[:KODE], mitra[:KODE] atau pemantau[:KECAMATAN].");
        }
    }

    public const string DefaultMitra = "DINKOP";

    private async Task UpsertAsync(long userId, Role role, int? pendampingId, int? coordinatorId, string name, DateTimeOffset now, CancellationToken ct,
        string? mitraCode = null, int? pemantauKecamatanId = null)
    {
        var identity = await db.Identities.FirstOrDefaultAsync(i => i.UserId == userId, ct);
        if (identity is null)
        {
            identity = new ChatIdentity { UserId = userId, CreatedAt = now };
            db.Identities.Add(identity);
        }
        identity.ChatId = userId;
        identity.Channel = "console";
        identity.Role = role;
        identity.PendampingId = pendampingId;
        identity.CoordinatorId = coordinatorId;
        identity.MitraCode = mitraCode;
        identity.PemantauKecamatanId = pemantauKecamatanId;
        if (role == Role.Pemantau) identity.DesaId = null;   // a whole kecamatan, not one desa
        // The console is the operator at the machine: there is no contact to share (Onboarding:RequirePhoneMatch).
        identity.PhoneVerified = true;
        identity.DisplayName = name;
        identity.LastSeenAt = now;
        await db.SaveChangesAsync(ct);
    }
}
