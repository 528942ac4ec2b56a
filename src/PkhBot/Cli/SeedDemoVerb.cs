using System.CommandLine;
using PkhBot.Households;

namespace PkhBot.Cli;

public static class SeedDemoVerb
{
    public static Command Create(CliIo io)
    {
        var households = new Option<int>("--households")
        {
            Description = "Jumlah rumah tangga demo (bawaan 55.028, seperti Bojonegoro)",
            DefaultValueFactory = _ => DemoSeeder.DefaultHouseholds,
        };
        households.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 1_000_000) r.AddError("--households harus 0 sampai 1.000.000.");
        });
        var officialList = new Option<FileInfo?>("--official-list") { Description = "Tulis juga daftar penerima resmi tiruan (CSV) dengan selisih yang biasa terjadi, untuk mencoba reconcile" };
        var cmd = new Command("seed-demo", "Isi data demo Bojonegoro (28 kecamatan, 209 pendamping, rumah tangga dan riwayat laporan). Aman diulang.") { households, officialList };
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Tool, io.HostArgs);
            await app.PrepareAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var r = await seeder.SeedWithResultAsync(pr.GetValue(households), (done, total) => io.Out.WriteLine($"Rumah tangga: {done}/{total}"), ct);
            io.Out.WriteLine(r.HouseholdsAdded + r.PendampingAdded == 0
                ? "Data demo sudah lengkap; tidak ada yang ditambahkan."
                : $"Data demo ditambahkan: {r.PendampingAdded} pendamping, {r.HouseholdsAdded} rumah tangga, {r.ReportsAdded} laporan, {r.FollowUpsAdded} tindak lanjut, {r.GraduationsAdded} graduasi ({started.Elapsed.TotalSeconds:0.0} dtk).");
            var referrals = await Referrals.DemoReferrals.SeedAsync(scope.ServiceProvider.GetRequiredService<Data.PkhDbContext>(),
                scope.ServiceProvider.GetRequiredService<Referrals.MitraCatalogue>(), scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            if (referrals > 0) io.Out.WriteLine($"Rujukan demo ke mitra: {referrals}.");
            if (pr.GetValue(officialList) is { } list)
            {
                var db = scope.ServiceProvider.GetRequiredService<Data.PkhDbContext>();
                var w = await Reconciliation.DemoOfficialList.WriteAsync(db, list.FullName, ct);
                io.Out.WriteLine($"Daftar resmi tiruan ditulis ke {list.FullName}: {w.Rows} baris ({w.Missing} KPM tidak tercantum, {w.Added} KPM baru, {w.StatusChanged} status berbeda, {w.NikChanged} NIK berbeda). Coba: reconcile {list.Name}");
            }
            return 0;
        });
        return cmd;
    }
}
