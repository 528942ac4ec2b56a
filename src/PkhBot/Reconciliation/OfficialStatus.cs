using PkhBot.Households;

namespace PkhBot.Reconciliation;

/// <summary>
/// An official list's status column as a comparable value. Lists write it many ways ("AKTIF", "KPM Aktif",
/// "Non Aktif", "Tidak Aktif", "Graduasi", "Graduasi Mandiri"): words, not exact strings, decide.
/// "Graduasi" without its kind matches either kind of graduation.
/// </summary>
public enum OfficialStatus
{
    Unknown,
    Aktif,
    Graduasi,
    GraduasiMandiri,
    GraduasiAlamiah,
    Nonaktif,
}

public static class OfficialStatuses
{
    public static OfficialStatus Parse(string? text)
    {
        var words = (text ?? "").ToLowerInvariant()
            .Split([' ', '_', '-', '.', ',', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return OfficialStatus.Unknown;
        bool Has(string w) => words.Contains(w);
        if (Has("mandiri")) return OfficialStatus.GraduasiMandiri;
        if (Has("alamiah") || Has("alami")) return OfficialStatus.GraduasiAlamiah;
        if (Has("graduasi") || Has("graduated") || Has("lulus")) return OfficialStatus.Graduasi;
        if (Has("nonaktif") || Has("non") || Has("tidak") || Has("inactive") || Has("dihentikan") || Has("berhenti"))
            return OfficialStatus.Nonaktif;
        if (Has("aktif") || Has("active")) return OfficialStatus.Aktif;
        return OfficialStatus.Unknown;
    }

    /// <summary>Whether the list and the database disagree; an unknown status in the list disagrees with nothing.</summary>
    public static bool Differs(OfficialStatus official, HouseholdStatus database) => official switch
    {
        OfficialStatus.Unknown => false,
        OfficialStatus.Aktif => database != HouseholdStatus.Aktif,
        OfficialStatus.Graduasi => database is not (HouseholdStatus.GraduasiMandiri or HouseholdStatus.GraduasiAlamiah),
        OfficialStatus.GraduasiMandiri => database != HouseholdStatus.GraduasiMandiri,
        OfficialStatus.GraduasiAlamiah => database != HouseholdStatus.GraduasiAlamiah,
        OfficialStatus.Nonaktif => database != HouseholdStatus.Nonaktif,
        _ => false,
    };
}
