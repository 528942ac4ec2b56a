using System.ComponentModel.DataAnnotations;

namespace PkhBot.Referrals;

public sealed class ReferralsOptions : IValidatableObject
{
    public const string SectionName = "Referrals";

    /// <summary>The mitra catalogue (JSON); relative paths are read from the app's folder.</summary>
    [Required(ErrorMessage = "Referrals:CataloguePath wajib diisi (file katalog mitra, bawaan prompts/mitra/katalog.json).")]
    public string CataloguePath { get; set; } = Path.Combine("prompts", "mitra", "katalog.json");

    /// <summary>A referral the mitra has not accepted or declined after this many days is nudged and escalated.</summary>
    [Range(1, 90, ErrorMessage = "Referrals:UnansweredDays harus 1-90 (bawaan 7).")]
    public int UnansweredDays { get; set; } = 7;

    public string ResolvedCataloguePath => Path.IsPathRooted(CataloguePath) ? CataloguePath : Path.Combine(AppContext.BaseDirectory, CataloguePath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? problem = null;
        try { MitraCatalogue.Load(ResolvedCataloguePath); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            problem = ex.Message;
        }
        if (problem is not null)
            yield return new ValidationResult($"Katalog mitra {ResolvedCataloguePath} tidak bisa dipakai ({problem}). Perbaiki file JSON-nya atau setelan Referrals:CataloguePath.");
    }
}
