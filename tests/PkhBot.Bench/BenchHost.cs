using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PkhBot.Data;

namespace PkhBot.Bench;

/// <summary>A real host (the one `run` builds) on a fresh SQLite file in the bench's temp folder.</summary>
public static class BenchHost
{
    /// <summary>2025-11-17 08:00 WIB, a Monday (a working day for the reminder jobs).</summary>
    public static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.FromHours(7));

    public static async Task<(WebApplication App, string DbPath)> BuildAsync(BenchOptions o, AppMode mode, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        var db = Path.Combine(o.WorkDir, $"{Guid.NewGuid():N}.db");
        var config = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:PkhBot"] = $"Data Source={db}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Operations:Urls"] = "http://127.0.0.1:0",
            ["Urls"] = "http://127.0.0.1:0",
            ["Reminders:Store:ConnectionString"] = $"Data Source={db}.quartz",
            ["Reminders:Store:SchedulerName"] = $"bench-{Guid.NewGuid():N}",
        };
        if (settings is not null) foreach (var kv in settings) config[kv.Key] = kv.Value;
        var app = AppHost.Build(mode, [], b =>
        {
            b.Logging.ClearProviders();
            b.Configuration.AddInMemoryCollection(config);
        });
        await app.PrepareAsync(ct);
        return (app, db);
    }

    public static SqliteConnection Open(string dbPath)
    {
        var c = new SqliteConnection($"Data Source={dbPath};Pooling=False");
        c.Open();
        return c;
    }

    /// <summary>
    /// Pendamping (each bound to a Telegram user 1,000,000 + index), households spread over them and the real desa,
    /// a koordinator per kecamatan plus one for the kabupaten, and one open follow-up per 20 households (a fifth overdue): raw prepared inserts in one transaction.
    /// Household id_kpm = "B" + index (1-based), pendamping kode = "PB" + index.
    /// </summary>
    public static void Seed(string dbPath, int pendamping, int households, DateTimeOffset now)
    {
        using var c = Open(dbPath);
        using (var pragma = c.CreateCommand()) { pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"; pragma.ExecuteNonQuery(); }
        var desa = new List<(int Id, int Kec)>();
        using (var q = c.CreateCommand())
        {
            q.CommandText = "SELECT Id, KecamatanId FROM Desa ORDER BY Id";
            using var r = q.ExecuteReader();
            while (r.Read()) desa.Add((r.GetInt32(0), r.GetInt32(1)));
        }
        if (desa.Count == 0) throw new InvalidOperationException("Tabel Desa kosong: migrate belum jalan.");
        var ticks = now.UtcTicks;
        using var tx = c.BeginTransaction();

        var pIds = new int[pendamping];
        using (var p = Cmd(c, tx, "INSERT INTO Pendamping (Kode, Nama, Phone, KecamatanId, Active, CreatedAt) VALUES ($k, $n, NULL, $kec, 1, $t) RETURNING Id", "$k", "$n", "$kec", "$t"))
        using (var i = Cmd(c, tx, "INSERT INTO Identities (UserId, ChatId, Channel, Role, PendampingId, DisplayName, PhoneVerified, OptedOut, Unreachable, CreatedAt, LastSeenAt) VALUES ($u, $u, 'telegram', 'Pendamping', $p, $n, 1, 0, 0, $t, $t)", "$u", "$p", "$n", "$t"))
        {
            for (var k = 0; k < pendamping; k++)
            {
                var d = desa[k * desa.Count / Math.Max(1, pendamping)];
                Set(p, "PB" + (k + 1).ToString(CultureInfo.InvariantCulture), $"Pendamping {k + 1}", d.Kec, ticks);
                pIds[k] = Convert.ToInt32(p.ExecuteScalar(), CultureInfo.InvariantCulture);
                Set(i, 1_000_000L + k, pIds[k], $"Pendamping {k + 1}", ticks);
                i.ExecuteNonQuery();
            }
        }

        // One koordinator per kecamatan plus one for the whole kabupaten, each bound to a Telegram user 3,000,000 + index.
        var kecIds = desa.Select(d => d.Kec).Distinct().ToList();
        using (var co = Cmd(c, tx, "INSERT INTO Coordinators (Nama, Phone, WholeKabupaten, CreatedAt) VALUES ($n, NULL, $w, $t) RETURNING Id", "$n", "$w", "$t"))
        using (var ck = Cmd(c, tx, "INSERT INTO CoordinatorKecamatan (CoordinatorId, KecamatanId) VALUES ($c, $k)", "$c", "$k"))
        using (var ci = Cmd(c, tx, "INSERT INTO Identities (UserId, ChatId, Channel, Role, CoordinatorId, DisplayName, PhoneVerified, OptedOut, Unreachable, CreatedAt, LastSeenAt) VALUES ($u, $u, 'telegram', 'Koordinator', $c, $n, 1, 0, 0, $t, $t)", "$u", "$c", "$n", "$t"))
        {
            for (var k = 0; k <= kecIds.Count; k++)
            {
                var whole = k == kecIds.Count;
                Set(co, $"Koordinator {k + 1}", whole ? 1 : 0, ticks);
                var cid = Convert.ToInt32(co.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (!whole) { Set(ck, cid, kecIds[k]); ck.ExecuteNonQuery(); }
                Set(ci, 3_000_000L + k, cid, $"Koordinator {k + 1}", ticks);
                ci.ExecuteNonQuery();
            }
        }

        using (var h = Cmd(c, tx,
            "INSERT INTO Households (IdKpm, Nik, NamaPengurus, NamaSearch, Alamat, DesaId, KecamatanId, PendampingId, IbuHamil, AnakUsiaDini, Sd, Smp, Sma, DisabilitasBerat, Lansia, Status, LastReportAt, CreatedAt, UpdatedAt, Version) " +
            "VALUES ($id, $nik, $nama, $cari, 'RT 01 RW 02', $desa, $kec, $p, 0, $aud, $sd, 0, 0, 0, $lansia, 'Aktif', $last, $t, $t, $v) RETURNING Id",
            "$id", "$nik", "$nama", "$cari", "$desa", "$kec", "$p", "$aud", "$sd", "$lansia", "$last", "$t", "$v"))
        using (var f = Cmd(c, tx,
            "INSERT INTO FollowUps (HouseholdId, PendampingId, ReportId, Issue, DueDate, Status, OpenedAt, Version) VALUES ($h, $p, NULL, 'KKS hilang, urus ke bank', $due, 'Open', $t, $v)",
            "$h", "$p", "$due", "$t", "$v"))
        {
            var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime);
            for (var k = 0; k < households; k++)
            {
                var d = desa[k % desa.Count];
                var pid = pIds[k % pendamping];
                var name = $"Siti Aminah {k + 1}";
                object last = (k % 3) switch { 0 => DBNull.Value, 1 => now.AddDays(-40).UtcTicks, _ => now.AddDays(-3).UtcTicks };
                Set(h, "B" + (k + 1).ToString(CultureInfo.InvariantCulture), (3522000000000000L + k).ToString(CultureInfo.InvariantCulture), name, name.ToLowerInvariant(),
                    d.Id, d.Kec, pid, k % 2, k % 3 == 0 ? 1 : 0, k % 7 == 0 ? 1 : 0, last, ticks, Guid.NewGuid().ToString().ToUpperInvariant());
                var hid = Convert.ToInt32(h.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (k % 20 == 0)
                {
                    var due = today.AddDays(k % 100 == 0 ? -10 : 3 - (k / 20 % 5));
                    Set(f, hid, pid, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ticks, Guid.NewGuid().ToString().ToUpperInvariant());
                    f.ExecuteNonQuery();
                }
            }
        }
        tx.Commit();
    }

    private static SqliteCommand Cmd(SqliteConnection c, SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var n in names) cmd.Parameters.Add(new SqliteParameter(n, null));
        cmd.Prepare();
        return cmd;
    }

    private static void Set(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    public static void DeleteDb(string dbPath)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".quartz", ".quartz-wal", ".quartz-shm" })
        {
            try { File.Delete(dbPath + suffix); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    public static double Percentile(List<double> sorted, double p)
        => sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Samples the working set every 50 ms while <paramref name="work"/> runs; returns the peak in MB.</summary>
    public static async Task<(T Result, double PeakMb)> WithPeakMemoryAsync<T>(Func<Task<T>> work)
    {
        using var proc = Process.GetCurrentProcess();
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                proc.Refresh();
                peak = Math.Max(peak, proc.WorkingSet64);
                try { await Task.Delay(50, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        T result;
        try { result = await work(); }
        finally
        {
            await stop.CancelAsync();
            await sampler;
        }
        proc.Refresh();
        peak = Math.Max(peak, proc.WorkingSet64);
        return (result, peak / 1024.0 / 1024.0);
    }
}
