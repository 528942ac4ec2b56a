using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.SemanticKernel;
using PkhBot.Ai;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>
/// The tools the LLM may call while reading a pendamping's free text, before the update's transaction (reads only).
/// Each one enforces the caller's scope itself (the model's arguments are as untrusted as callback data), names and
/// ID KPM go to the model as placeholders and come back through <see cref="Placeholders.Reveal"/>, and RecordProgress
/// only records a proposal: nothing is saved until the pendamping presses Simpan.
/// </summary>
public sealed class ReportTools(PkhDbContext db, Caller caller, Placeholders hidden)
{
    public ReportProposal? Proposal { get; private set; }

    /// <summary>The model asked to record a report for a household the caller may not see (or that does not exist).</summary>
    public bool RefusedOutOfScope { get; private set; }

    [KernelFunction("FindHousehold"), Description("Cari KPM dampingan pengguna menurut nama atau ID KPM. Hanya mengembalikan KPM dalam cakupan pengguna.")]
    public async Task<string> FindHouseholdAsync([Description("Nama pengurus atau ID KPM")] string query, CancellationToken ct = default)
    {
        var hits = await HouseholdSearch.SearchAsync(db, caller, hidden.Reveal(query ?? ""), 5, ct);
        return hits.Count == 0
            ? "Tidak ditemukan dalam cakupan pengguna."
            : string.Join("\n", hits.Select(h => $"{hidden.Id(h.IdKpm)}: {hidden.Name(h.Nama)} ({h.Desa})"));
    }

    [KernelFunction("RecordProgress"), Description("Usulkan satu laporan perkembangan untuk KPM dampingan pengguna. Disimpan hanya setelah pengguna menekan Simpan.")]
    public async Task<string> RecordProgressAsync(
        [Description("ID KPM persis seperti dari FindHousehold")] string idKpm,
        [Description("kunjungan, pendidikan, kesehatan, p2k2, usaha, kendala atau graduasi")] string kategori,
        [Description("Catatan laporan dengan kata-kata pengguna, termasuk nominal dan tanggal")] string catatan,
        CancellationToken ct = default)
    {
        var real = hidden.Reveal(idKpm ?? "");
        var id = await HouseholdScope.Visible(db, caller).Where(h => h.IdKpm == real).Select(h => (int?)h.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            RefusedOutOfScope = true;
            return "DITOLAK: KPM itu tidak dalam cakupan pengguna.";
        }
        if (ReportCategories.Parse(kategori) is not { } category) return $"DITOLAK: kategori tidak dikenal. Pilih: {ReportingTexts.Categories}.";
        if (string.IsNullOrWhiteSpace(catatan)) return "DITOLAK: catatan kosong.";
        // The note is the model's text with the real names put back: it is shown and stored, so NIK and phone numbers are masked.
        var note = Privacy.Mask.Text(hidden.Restore(catatan.Trim()));
        Proposal = new ReportProposal(id.Value, category, note.Length > 2000 ? note[..2000] : note);
        return "OK: usulan dicatat dan menunggu konfirmasi pengguna.";
    }
}
