namespace PkhBot.Operations;

public static class OperationsSetup
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        return app;
    }
}
