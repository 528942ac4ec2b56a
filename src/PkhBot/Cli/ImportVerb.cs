using System.CommandLine;
using PkhBot.Households;
using Spectre.Console;

namespace PkhBot.Cli;

public static class ImportVerb
{
    public static Command Create(CliIo io)
    {
        var file = new Argument<FileInfo>("file") { Description = "Roster rumah tangga: .csv (UTF-8) atau .xlsx, dengan baris judul " + string.Join(",", RosterColumns.Names) };
        var dryRun = new Option<bool>("--dry-run") { Description = "Periksa saja; tidak ada yang disimpan" };
        var cmd = new Command("import", "Impor roster rumah tangga KPM (upsert menurut id_kpm; pendamping menurut kode).") { file, dryRun };
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Tool, io.HostArgs);
            await app.PrepareAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<RosterImporter>();
            var path = pr.GetValue(file)!.FullName;
            var started = System.Diagnostics.Stopwatch.StartNew();

            ImportResult result;
            if (CliTerminal.IsInteractive(io))
            {
                result = await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
                {
                    var read = ctx.AddTask(ImportTexts.Reading).IsIndeterminate();
                    var save = ctx.AddTask(ImportTexts.Saving, autoStart: false);
                    return await importer.ImportFileAsync(path, pr.GetValue(dryRun), p =>
                    {
                        if (p.Phase == "read" && p.Total > 0) { read.IsIndeterminate(false); read.MaxValue = p.Total; read.Value = p.Done; read.StopTask(); }
                        if (p.Phase == "save") { if (!save.IsStarted) save.StartTask(); save.MaxValue = Math.Max(1, p.Total); save.Value = p.Done; }
                    }, ct);
                });
            }
            else
            {
                var lastReported = -1;
                result = await importer.ImportFileAsync(path, pr.GetValue(dryRun), p =>
                {
                    if (p.Phase == "read" && p.Total > 0) io.Out.WriteLine($"{ImportTexts.Reading}: {p.Total} baris");
                    // Plain lines when piped: one every 10,000 rows and the last one.
                    if (p.Phase == "save" && (p.Done / 10_000 != lastReported || p.Done == p.Total) && p.Done > 0)
                    {
                        lastReported = p.Done / 10_000;
                        io.Out.WriteLine($"{ImportTexts.Saving}: {p.Done}/{p.Total}");
                    }
                }, ct);
            }

            if (result.FileError is not null)
            {
                io.Err.WriteLine(result.FileError);
                return 2;
            }
            foreach (var w in result.FileWarnings) io.Out.WriteLine("Peringatan: " + w);
            io.Out.WriteLine(ImportTexts.Summary(result) + $" ({started.Elapsed.TotalSeconds:0.0} dtk)");
            if (result.Errors.Count > 0)
            {
                io.Out.WriteLine(ImportTexts.RejectedHeader(result.Rejected));
                foreach (var e in result.Errors.OrderBy(e => e.Line)) io.Out.WriteLine(ImportTexts.Line(e.Line, e.Reason));
            }
            if (result.Warnings.Count > 0)
            {
                io.Out.WriteLine($"{result.Warnings.Count} peringatan (baris tetap diimpor):");
                foreach (var w in result.Warnings.OrderBy(e => e.Line)) io.Out.WriteLine(ImportTexts.Line(w.Line, w.Reason));
            }
            return result.ExitCode;
        });
        return cmd;
    }
}

internal static class CliTerminal
{
    /// <summary>A progress bar only on a real terminal; tests and pipes get plain lines.</summary>
    public static bool IsInteractive(CliIo io) => ReferenceEquals(io.Out, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
}
