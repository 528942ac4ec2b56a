namespace PkhBot.Households;

public sealed class Kecamatan
{
    public int Id { get; set; }
    /// <summary>Kemendagri code, e.g. "35.22.01".</summary>
    public required string Kode { get; set; }
    public required string Nama { get; set; }
    public List<Desa> Desa { get; set; } = [];
}

public sealed class Desa
{
    public int Id { get; set; }
    /// <summary>Kemendagri code, e.g. "35.22.01.2001".</summary>
    public required string Kode { get; set; }
    public required string Nama { get; set; }
    public bool IsKelurahan { get; set; }
    public int KecamatanId { get; set; }
    public Kecamatan? Kecamatan { get; set; }
}

public sealed class Pendamping
{
    public int Id { get; set; }
    public required string Kode { get; set; }
    public required string Nama { get; set; }
    public string? Phone { get; set; }
    public int? KecamatanId { get; set; }
    public Kecamatan? Kecamatan { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}

public enum HouseholdStatus
{
    Aktif = 0,
    GraduasiMandiri = 1,
    GraduasiAlamiah = 2,
    Nonaktif = 3,
}

public sealed class Household : Data.IVersioned
{
    public int Id { get; set; }
    public required string IdKpm { get; set; }
    /// <summary>NIK of the pengurus: personal data, never shown whole (see PkhBot.Privacy.Mask).</summary>
    public required string Nik { get; set; }
    public required string NamaPengurus { get; set; }
    /// <summary>Lower-case, accent- and punctuation-free name used by search.</summary>
    public string NamaSearch { get; set; } = "";
    public string? Alamat { get; set; }
    public int? DesaId { get; set; }
    public Desa? Desa { get; set; }
    public int KecamatanId { get; set; }
    public Kecamatan? Kecamatan { get; set; }
    public int? PendampingId { get; set; }
    public Pendamping? Pendamping { get; set; }

    public int IbuHamil { get; set; }
    public int AnakUsiaDini { get; set; }
    public int Sd { get; set; }
    public int Smp { get; set; }
    public int Sma { get; set; }
    public int DisabilitasBerat { get; set; }
    public int Lansia { get; set; }

    public HouseholdStatus Status { get; set; }
    /// <summary>Event time of the newest non-withdrawn report; kept here so "not visited in 30 days" needs no join.</summary>
    public DateTimeOffset? LastReportAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }

    public int KomponenCount => IbuHamil + AnakUsiaDini + Sd + Smp + Sma + DisabilitasBerat + Lansia;
}
