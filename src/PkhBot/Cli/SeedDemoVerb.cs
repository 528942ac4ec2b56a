using System.CommandLine;

namespace PkhBot.Cli;

public static class SeedDemoVerb
{
    public static Command Create(CliIo io)
    {
        var cmd = new Command("seed-demo", "Belum tersedia.");
        cmd.SetAction(_ =>
        {
            io.Err.WriteLine("Perintah ini belum tersedia.");
            return 1;
        });
        return cmd;
    }
}
