using System.CommandLine;

namespace PkhBot.Cli;

public static class BenchVerb
{
    public static Command Create(CliIo io)
    {
        var cmd = new Command("bench", "Belum tersedia.");
        cmd.SetAction(_ =>
        {
            io.Err.WriteLine("Perintah ini belum tersedia.");
            return 1;
        });
        return cmd;
    }
}
