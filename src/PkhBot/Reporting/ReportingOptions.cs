using System.ComponentModel.DataAnnotations;

namespace PkhBot.Reporting;

/// <summary>Windows and defaults of pendamping reporting ("Reporting" in appsettings).</summary>
public sealed class ReportingOptions
{
    public const string SectionName = "Reporting";

    [Range(1, 365, ErrorMessage = "Reporting:FollowUpDays harus 1-365: tenggat bawaan tindak lanjut kendala, dalam hari (mis. 14).")]
    public int FollowUpDays { get; set; } = 14;

    [Range(1, 720, ErrorMessage = "Reporting:WithdrawHours harus 1-720: berapa jam laporan masih bisa ditarik dengan /batal (mis. 24).")]
    public int WithdrawHours { get; set; } = 24;

    [Range(1, 240, ErrorMessage = "Reporting:AttachMinutes harus 1-240: berapa menit foto/lokasi masih ditempel ke laporan terakhir (mis. 10).")]
    public int AttachMinutes { get; set; } = 10;

    [Range(1, 365, ErrorMessage = "Reporting:NotVisitedDays harus 1-365: filter /kpm \"belum dikunjungi\", dalam hari (mis. 30).")]
    public int NotVisitedDays { get; set; } = 30;

    [Range(1, 100_000, ErrorMessage = "Reporting:UsualCaseload harus 1-100000: jumlah KPM wajar per pendamping untuk /cekdata (mis. 300).")]
    public int UsualCaseload { get; set; } = 300;

    /// <summary>
    /// Opt-in: read free-text reports with the LLM (when one is configured), before the update's transaction, with names
    /// and ID KPM as placeholders. False (the default) keeps the offline rules.
    /// </summary>
    public bool UseLlm { get; set; }
}

/// <summary>
/// Explicit rules for /kandidat ("Reporting:Graduation"): a household looks ready for graduasi mandiri when its
/// reported monthly income reaches <see cref="IncomeThresholdRupiah"/> in <see cref="MonthsRequired"/> of the
/// last <see cref="MonthsWindow"/> calendar months, or an usaha report says the business has run at least
/// <see cref="BusinessMonths"/> months; with no komponen left it is a graduasi alamiah candidate.
/// </summary>
public sealed class GraduationRulesOptions
{
    public const string SectionName = "Reporting:Graduation";

    [Range(1, 1_000_000_000, ErrorMessage = "Reporting:Graduation:IncomeThresholdRupiah harus diisi rupiah per bulan (mis. 2500000).")]
    public long IncomeThresholdRupiah { get; set; } = 2_500_000;

    [Range(1, 24, ErrorMessage = "Reporting:Graduation:MonthsRequired harus 1-24 (mis. 3).")]
    public int MonthsRequired { get; set; } = 3;

    [Range(1, 24, ErrorMessage = "Reporting:Graduation:MonthsWindow harus 1-24 dan tidak kurang dari MonthsRequired (mis. 4).")]
    public int MonthsWindow { get; set; } = 4;

    [Range(1, 120, ErrorMessage = "Reporting:Graduation:BusinessMonths harus 1-120: lama usaha berjalan, dalam bulan (mis. 6).")]
    public int BusinessMonths { get; set; } = 6;
}
