namespace PkhBot.Knowledge;

public static class KnowledgeSetup
{
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
