namespace PkhBot.Knowledge;

public sealed record AnswerSource(string Title, string Section);

/// <summary>
/// What the bot answers. <see cref="Text"/> is plain text (the body, then a "Sumber:" line when answered);
/// channels format <see cref="Body"/> and <see cref="SourceLine"/> themselves.
/// </summary>
public sealed record Answer(string Body, string? SourceLine, bool Answered, IReadOnlyList<AnswerSource> Sources, double Score)
{
    public string Text => SourceLine is null ? Body : Body + "\n" + SourceLine;

    public static Answer DontKnow(double score) => new(KnowledgeTexts.DontKnow, null, false, [], score);

    /// <summary>Not about PKH: says what the bot can answer. Score 0, so no hand-off to a person is offered.</summary>
    public static Answer OutOfScope() => new(KnowledgeTexts.OutOfScope, null, false, [], 0);

    /// <summary>Another social assistance programme (BLT, PIP, BPNT): not PKH, with who can answer it. Score 0, as out of scope.</summary>
    public static Answer OtherAid() => new(KnowledgeTexts.OtherAid, null, false, [], 0);
}
