namespace PkhBot.Ppse;

/// <summary>
/// Where a household stands on the way to graduasi mandiri, from the data alone (reports, referrals, the
/// graduation rules), never typed by hand. An active household is at the highest stage it reached.
/// </summary>
public enum PpseStage
{
    /// <summary>No business report yet.</summary>
    TanpaUsaha = 0,
    /// <summary>A business report exists.</summary>
    UsahaBerjalan = 1,
    /// <summary>Referred to a partner agency (not declined).</summary>
    Didampingi = 2,
    /// <summary>A reported monthly income at or above the graduation threshold within the rules' window.</summary>
    PenghasilanCukup = 3,
    /// <summary>Meets the graduation rules (income over enough months, or a business running long enough).</summary>
    Kandidat = 4,
    /// <summary>Graduated mandiri (status), at any time.</summary>
    GraduasiMandiri = 5,
}
