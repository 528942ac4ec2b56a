using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.Households;

public sealed record HouseholdHit(int Id, string IdKpm, string Nama, string? Desa, double Score);

/// <summary>
/// Finds households by name or ID within the caller's scope: a SQL prefilter on <see cref="Household.NamaSearch"/>
/// fragments (provider-neutral LIKE), then in-memory ranking with <see cref="NameSearch.Score"/>.
/// </summary>
public static class HouseholdSearch
{
    public const double MinScore = 0.6;
    private const int MaxCandidates = 2000;

    public static async Task<IReadOnlyList<HouseholdHit>> SearchAsync(PkhDbContext db, Caller caller, string text, int limit, CancellationToken ct)
    {
        var scope = HouseholdScope.Visible(db, caller);
        var trimmed = text.Trim();
        var compact = trimmed.Replace(" ", "").Replace("-", "").Replace(".", "");
        if (compact.Length >= 4 && compact.All(char.IsDigit))
        {
            var exact = await scope.Where(h => h.IdKpm == compact || h.IdKpm.StartsWith(compact))
                .OrderBy(h => h.IdKpm).Take(limit)
                .Select(h => new HouseholdHit(h.Id, h.IdKpm, h.NamaPengurus, h.Desa!.Nama, 1)).ToListAsync(ct);
            if (exact.Count > 0) return exact;
            return await ClosestIdsAsync(db, caller, compact, limit, ct);
        }

        var query = NameSearch.Normalize(trimmed);
        if (NameSearch.PrefilterFragments(query).Count == 0) return [];
        // Every token spelled right: an AND of LIKEs is selective even over a whole kabupaten.
        var spelledRight = await RankAsync(AllTokens(scope, query), query, limit, ct);
        if (spelledRight.Count > 0) return spelledRight;
        // Typos: any first/last three letters of a token, ranked in memory.
        return await RankAsync(NamePrefilter(scope, query), query, limit, ct);
    }

    private static async Task<IReadOnlyList<HouseholdHit>> RankAsync(IQueryable<Household> q, string query, int limit, CancellationToken ct)
    {
        // A stable order keeps the candidate window deterministic when more than MaxCandidates match.
        var candidates = await q.OrderBy(h => h.Id).Take(MaxCandidates)
            .Select(h => new { h.Id, h.IdKpm, h.NamaPengurus, h.NamaSearch, Desa = h.Desa!.Nama })
            .ToListAsync(ct);
        return candidates
            .Select(c => new HouseholdHit(c.Id, c.IdKpm, c.NamaPengurus, c.Desa, NameSearch.Score(query, c.NamaSearch)))
            .Where(h => h.Score >= MinScore)
            .OrderByDescending(h => h.Score).ThenBy(h => h.Nama).ThenBy(h => h.IdKpm)
            .Take(limit)
            .ToList();
    }

    /// <summary>Rows whose NamaSearch contains every query token (up to four).</summary>
    public static IQueryable<Household> AllTokens(IQueryable<Household> scope, string normalizedQuery)
    {
        foreach (var token in normalizedQuery.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4))
        {
            var t = token;
            scope = scope.Where(h => h.NamaSearch.Contains(t));
        }
        return scope;
    }

    /// <summary>Rows whose NamaSearch contains any prefilter fragment of the query (one fixed-shape LIKE ... OR ... on every provider).</summary>
    public static IQueryable<Household> NamePrefilter(IQueryable<Household> scope, string normalizedQuery)
    {
        var fragments = NameSearch.PrefilterFragments(normalizedQuery);
        if (fragments.Count == 0) return scope.Where(h => false);
        var f = Enumerable.Range(0, 6).Select(i => fragments[Math.Min(i, fragments.Count - 1)]).ToArray();
        string f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4], f5 = f[5];
        return scope.Where(h => h.NamaSearch.Contains(f0) || h.NamaSearch.Contains(f1) || h.NamaSearch.Contains(f2)
                             || h.NamaSearch.Contains(f3) || h.NamaSearch.Contains(f4) || h.NamaSearch.Contains(f5));
    }

    /// <summary>IDs in scope within two typos of <paramref name="idKpm"/> (a mistyped digit, two swapped digits).</summary>
    public static async Task<IReadOnlyList<HouseholdHit>> ClosestIdsAsync(PkhDbContext db, Caller caller, string idKpm, int limit, CancellationToken ct)
    {
        var prefix = idKpm[..Math.Min(4, idKpm.Length)];
        var candidates = await HouseholdScope.Visible(db, caller)
            .Where(h => h.IdKpm.StartsWith(prefix))
            .OrderBy(h => h.IdKpm)
            .Take(MaxCandidates * 5)
            .Select(h => new { h.Id, h.IdKpm, h.NamaPengurus, Desa = h.Desa!.Nama })
            .ToListAsync(ct);
        return candidates
            .Select(c => new { c, d = NameSearch.Distance(idKpm, c.IdKpm) })
            .Where(x => x.d <= 2)
            .OrderBy(x => x.d).ThenBy(x => x.c.IdKpm)
            .Take(limit)
            .Select(x => new HouseholdHit(x.c.Id, x.c.IdKpm, x.c.NamaPengurus, x.c.Desa, 1 - 0.2 * x.d))
            .ToList();
    }
}
