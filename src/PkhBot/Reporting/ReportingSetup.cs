namespace PkhBot.Reporting;

public static class ReportingSetup
{
    public static IHostApplicationBuilder AddReporting(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
