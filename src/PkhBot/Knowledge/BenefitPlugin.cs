using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace PkhBot.Knowledge;

/// <summary>
/// The benefit calculator as an LLM tool (<c>Bantuan-hitung_bantuan</c>): the model passes the family's komponen
/// counts and gets back the same estimate, arithmetic and hedges the offline answer and the /kpm card show.
/// Counts only: no names, no household data.
/// </summary>
public sealed class BenefitPlugin(BenefitCalculator calculator, TimeProvider? clock = null)
{
    public const string PluginName = "Bantuan";

    [KernelFunction("hitung_bantuan")]
    [Description("Hitung perkiraan bantuan PKH satu keluarga per tahap dan per tahun dari jumlah komponennya, memakai besaran dan aturan resmi (maks 2 anak usia dini, kehamilan s.d. ke-2, maks 4 komponen). Kembalikan teks hitungan beserta catatan aturan yang memotong dan catatan 'perkiraan'.")]
    public string HitungBantuan(
        [Description("Jumlah ibu hamil/nifas (0 atau 1)")] int ibuHamil = 0,
        [Description("Jumlah anak usia dini 0-6 tahun (balita)")] int anakUsiaDini = 0,
        [Description("Jumlah anak SD/sederajat")] int sd = 0,
        [Description("Jumlah anak SMP/sederajat")] int smp = 0,
        [Description("Jumlah anak SMA/sederajat")] int sma = 0,
        [Description("Jumlah penyandang disabilitas berat")] int disabilitasBerat = 0,
        [Description("Jumlah lansia")] int lansia = 0,
        [Description("Kehamilan ke berapa, bila disebut (0 = tidak disebut)")] int kehamilanKe = 0)
    {
        static int C(int n) => Math.Clamp(n, 0, 12);
        var family = Family.FromCounts(C(ibuHamil), C(anakUsiaDini), C(sd), C(smp), C(sma), C(disabilitasBerat), C(lansia));
        if (kehamilanKe > 0) family.PregnancyOrder = kehamilanKe;
        var estimate = calculator.Estimate(family, (clock ?? TimeProvider.System).GetUtcNow().Year);
        return BenefitCalculator.Describe(estimate) + "\n" + KnowledgeTexts.BenefitSourceLine(estimate.Source);
    }
}
