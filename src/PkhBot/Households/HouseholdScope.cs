using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.Households;

/// <summary>
/// The one place that turns a caller into the households it may see: a pendamping its own, a koordinator its
/// kecamatan (or the whole kabupaten), an admin all, a KPM or stranger none. Every command and every button
/// (whose payload can be forged) goes through here.
/// </summary>
public static class HouseholdScope
{
    public static IQueryable<Household> Visible(PkhDbContext db, Caller caller)
    {
        switch (caller.Role)
        {
            case Onboarding.Role.Admin:
                return db.Households;
            case Onboarding.Role.Koordinator when caller.CoordinatorId is not null:
                if (caller.WholeKabupaten) return db.Households;
                var kecamatan = caller.KecamatanIds.ToList();
                return db.Households.Where(h => kecamatan.Contains(h.KecamatanId));
            // For figures only: no command shows a pemantau a household's name.
            case Onboarding.Role.Pemantau when caller.IsPemantau:
                var kec = caller.KecamatanIds[0];
                return caller.PemantauDesaId is int desa
                    ? db.Households.Where(h => h.KecamatanId == kec && h.DesaId == desa)
                    : db.Households.Where(h => h.KecamatanId == kec);
            case Onboarding.Role.Pendamping when caller.PendampingId is int pendampingId:
                return db.Households.Where(h => h.PendampingId == pendampingId);
            default:
                return db.Households.Where(h => false);
        }
    }

    /// <summary>
    /// One household by ID KPM, with its desa, if the caller may see it. The pendamping case, which every /lapor runs,
    /// is a compiled query: translating it anew for each report cost more than running it.
    /// </summary>
    public static Task<Household?> FindVisibleAsync(PkhDbContext db, Caller caller, string idKpm, CancellationToken ct)
        => caller.Role == Onboarding.Role.Pendamping && caller.PendampingId is int pendampingId
            ? OwnByIdKpm(db, pendampingId, idKpm, ct)
            : Visible(db, caller).Include(h => h.Desa).FirstOrDefaultAsync(h => h.IdKpm == idKpm, ct);

    private static readonly Func<PkhDbContext, int, string, CancellationToken, Task<Household?>> OwnByIdKpm =
        EF.CompileAsyncQuery((PkhDbContext db, int pendampingId, string idKpm, CancellationToken ct) =>
            db.Households.Include(h => h.Desa).FirstOrDefault(h => h.PendampingId == pendampingId && h.IdKpm == idKpm));

    /// <summary>Whether the caller may change (report on, graduate) households: staff with a scope.</summary>
    public static bool CanAct(Caller caller) => caller.IsPendamping || caller.IsKoordinator || caller.IsAdmin;
}
