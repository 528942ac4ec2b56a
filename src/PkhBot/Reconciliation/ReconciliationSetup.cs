namespace PkhBot.Reconciliation;

public static class ReconciliationSetup
{
    public static IHostApplicationBuilder AddReconciliation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<Reconciler>();
        builder.Services.AddScoped<ReconciliationLog>();
        return builder;
    }
}
