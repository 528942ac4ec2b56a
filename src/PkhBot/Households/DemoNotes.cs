using Bogus;
using PkhBot.Reporting;

namespace PkhBot.Households;

/// <summary>Short report notes in the style pendamping write them, for the demo data.</summary>
internal static class DemoNotes
{
    private static readonly Dictionary<ReportCategory, string[]> Notes = new()
    {
        [ReportCategory.Kunjungan] = ["Kunjungan rumah, keluarga sehat, anak-anak sekolah.", "Ibu ada di rumah, kondisi rumah baik.", "Kunjungan rutin, tidak ada keluhan.", "Verifikasi komitmen, semua komponen hadir."],
        [ReportCategory.Pendidikan] = ["Anak SD hadir rutin di sekolah.", "Anak SMP sempat bolos 3 hari, sudah dinasihati.", "Cek absensi sekolah, kehadiran baik.", "Anak SMA butuh bantuan seragam."],
        [ReportCategory.Kesehatan] = ["Balita ditimbang di posyandu, berat naik.", "Ibu hamil periksa ke bidan desa.", "Imunisasi balita lengkap.", "Lansia kontrol tensi di puskesmas."],
        [ReportCategory.Usaha] = ["Buka warung kelontong kecil.", "Jualan gorengan di depan SD.", "Ternak kambing 3 ekor.", "Usaha jahit rumahan mulai jalan."],
        [ReportCategory.Kendala] = ["Kartu KKS hilang, perlu diurus ke bank.", "Saldo bantuan belum masuk tahap ini.", "Anak putus sekolah, perlu pendampingan.", "Data KK belum padan dengan Dukcapil.", "Rumah rusak setelah hujan deras."],
        [ReportCategory.P2k2] = ["Ikut P2K2 modul pengasuhan anak.", "Hadir P2K2 modul ekonomi keluarga.", "P2K2 modul kesehatan dan gizi, aktif bertanya."],
        [ReportCategory.Graduasi] = ["Siap graduasi mandiri."],
    };

    public static string For(Faker f, ReportCategory category) => f.PickRandom(Notes[category]);
}
