namespace PkhBot.Knowledge;

/// <summary>One programme document (prompts/knowledge/docs/*.md): front matter + "## " sections.</summary>
public sealed record KnowledgeDocument(string Id, string Title, string Program, string Year, string Sources, IReadOnlyList<KnowledgeSection> Sections);

/// <param name="Sources">Source ids of this section ("## Heading [S1, S5]"), or null to use the document's.</param>
public sealed record KnowledgeSection(string DocId, string Heading, string Text, string? Sources = null);

/// <summary>One FAQ pair: question variants, a short answer, and the document section it rests on.</summary>
public sealed record FaqEntry(int Number, IReadOnlyList<string> Questions, string Answer, string DocId, string Section);

/// <summary>"variant => expansion": the variant (a word or a phrase) also means the expansion words.</summary>
public sealed record SynonymRule(string Variant, string Expansion);

/// <summary>Everything under Knowledge:Path, parsed and cross-checked (every FAQ points at a real section).</summary>
public sealed class KnowledgeContent
{
    public required IReadOnlyList<KnowledgeDocument> Documents { get; init; }
    public required IReadOnlyList<FaqEntry> Faq { get; init; }
    public required IReadOnlyList<SynonymRule> Synonyms { get; init; }
    public required IReadOnlyList<string> DomainTerms { get; init; }

    /// <summary>The "[umum]" words of domain-terms.txt: PKH uses them, but so does everyday talk ("anak", "SD", "bank").</summary>
    public IReadOnlyList<string> EverydayTerms { get; init; } = [];

    /// <summary>slang.txt (optional): phone spellings and abbreviations -> the standard word(s), applied first, word by word.</summary>
    public IReadOnlyList<SynonymRule> Slang { get; init; } = [];

    /// <summary>
    /// words.txt (optional): everyday words of KPM and pendamping ("jualan", "perantau", "kandang") that the typo corrector
    /// must not turn into a programme word ("berjualan" is not "berjalan", "perangkat" not "peringkat").
    /// </summary>
    public IReadOnlyList<string> KnownWords { get; init; } = [];

    /// <summary>other-programs.txt (optional): names of other programmes; a question naming one and not PKH itself is out of scope.</summary>
    public IReadOnlyList<string> OtherPrograms { get; init; } = [];

    /// <summary>
    /// The names of <see cref="OtherPrograms"/> under "[bansos]": other social assistance (BLT, PIP, BPNT). Still not PKH, but
    /// the reply also points to the people who can answer and to Kemensos' complaint line, as for a PKH question it cannot answer.
    /// </summary>
    public IReadOnlyList<string> OtherAid { get; init; } = [];

    /// <summary>PKH topics the fact sheet has nothing on (a pendamping's pay, recruitment): phrases, all words present.</summary>
    public IReadOnlyList<string> NotCovered { get; init; } = [];

    /// <summary>benefits.tsv (optional): amounts and rules for the benefit calculator; null without the file.</summary>
    public BenefitTable? Benefits { get; init; }

    /// <summary>subjects.txt (optional): groups of subjects easy to confuse (see <see cref="AnswerFit"/>).</summary>
    public IReadOnlyList<IReadOnlyList<Subject>> Subjects { get; init; } = [];

    public KnowledgeDocument Document(string id) => Documents.First(d => d.Id == id);

    /// <summary>The default root: prompts/knowledge beside the executable (copied there by the build).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "prompts", "knowledge");

    public static KnowledgeContent Load(string root)
    {
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"Folder pengetahuan tidak ditemukan: {root}. Atur Knowledge:Path ke folder prompts/knowledge.");
        var names = File.Exists(Path.Combine(root, SourcesFile)) ? ParseSourceNames(File.ReadAllLines(Path.Combine(root, SourcesFile))) : null;
        var docs = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => ParseDocument(File.ReadAllText(f), Path.GetFileNameWithoutExtension(f)))
            .Select(d => names is null ? d : WithSourceNames(d, names))
            .ToList();
        var faq = ParseFaq(File.ReadAllText(Path.Combine(root, "faq.md")));
        foreach (var e in faq)
        {
            var doc = docs.FirstOrDefault(d => d.Id == e.DocId)
                ?? throw new InvalidDataException($"FAQ #{e.Number}: dokumen '{e.DocId}' tidak ada.");
            if (doc.Sections.All(s => s.Heading != e.Section))
                throw new InvalidDataException($"FAQ #{e.Number}: bagian '{e.Section}' tidak ada di {e.DocId}.");
        }
        var domain = ReadGroups(File.ReadAllLines(Path.Combine(root, "domain-terms.txt")));
        var others = File.Exists(Path.Combine(root, "other-programs.txt")) ? ReadGroups(File.ReadAllLines(Path.Combine(root, "other-programs.txt"))) : [];
        return new KnowledgeContent
        {
            Documents = docs,
            Faq = faq,
            Synonyms = ParseSynonyms(File.ReadAllLines(Path.Combine(root, "synonyms.txt"))),
            DomainTerms = domain.SelectMany(g => g.Value).ToList(),
            EverydayTerms = domain.GetValueOrDefault(EverydayGroup, []),
            Slang = File.Exists(Path.Combine(root, "slang.txt")) ? ParseSynonyms(File.ReadAllLines(Path.Combine(root, "slang.txt"))) : [],
            OtherPrograms = others.SelectMany(g => g.Value).ToList(),
            OtherAid = others.GetValueOrDefault(AidGroup, []),
            KnownWords = File.Exists(Path.Combine(root, "words.txt")) ? ReadList(File.ReadAllLines(Path.Combine(root, "words.txt"))) : [],
            NotCovered = File.Exists(Path.Combine(root, "not-covered.txt")) ? ReadList(File.ReadAllLines(Path.Combine(root, "not-covered.txt"))) : [],
            Subjects = File.Exists(Path.Combine(root, "subjects.txt")) ? AnswerFit.Parse(File.ReadAllLines(Path.Combine(root, "subjects.txt"))) : [],
            Benefits = File.Exists(Path.Combine(root, BenefitTable.FileName)) ? BenefitTable.Parse(File.ReadAllLines(Path.Combine(root, BenefitTable.FileName))) : null,
        };
    }

    private const string SourcesFile = "sources.tsv";

    /// <summary>sources.tsv: "S1 TAB Kemensos via Tribunnews, 2022". The fact sheet's codes mean nothing to a mother.</summary>
    internal static Dictionary<string, string> ParseSourceNames(IEnumerable<string> lines)
        => ReadList(lines).Select(l => l.Split('\t', 2, StringSplitOptions.TrimEntries)).Where(p => p.Length == 2 && p[1].Length > 0)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

    /// <summary>The document's and its sections' source codes replaced by the names people know ("; " between), unknown codes left out.</summary>
    internal static KnowledgeDocument WithSourceNames(KnowledgeDocument doc, IReadOnlyDictionary<string, string> names)
    {
        string Resolve(string ids) => string.Join("; ", ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(id => names.GetValueOrDefault(id)).OfType<string>().Distinct());
        return doc with
        {
            Sources = Resolve(doc.Sources),
            Sections = doc.Sections.Select(s => s.Sources is null ? s : s with { Sources = Resolve(s.Sources) }).ToList(),
        };
    }

    internal static KnowledgeDocument ParseDocument(string text, string fallbackId)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            for (i = 1; i < lines.Length && lines[i].Trim() != "---"; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0) meta[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
            i++;
        }
        var id = meta.GetValueOrDefault("id", fallbackId);
        var sections = new List<KnowledgeSection>();
        string? heading = null;
        string? sources = null;
        var body = new List<string>();
        void Flush()
        {
            if (heading is not null) sections.Add(new KnowledgeSection(id, heading, string.Join("\n", body).Trim(), sources));
            body.Clear();
        }
        for (; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                heading = lines[i][3..].Trim();
                sources = null;
                var open = heading.LastIndexOf(" [", StringComparison.Ordinal);
                if (heading.EndsWith(']') && open > 0)
                {
                    sources = heading[(open + 2)..^1].Trim();
                    heading = heading[..open].Trim();
                }
            }
            else if (heading is not null) body.Add(lines[i]);
        }
        Flush();
        return new KnowledgeDocument(id, meta.GetValueOrDefault("title", id), meta.GetValueOrDefault("program", "PKH Kemensos"),
            meta.GetValueOrDefault("year", "-"), meta.GetValueOrDefault("sources", "-"), sections);
    }

    internal static List<FaqEntry> ParseFaq(string text)
    {
        var result = new List<FaqEntry>();
        List<string>? questions = null;
        var answer = new List<string>();
        string? source = null;
        void Flush()
        {
            if (questions is null) return;
            if (source is null) throw new InvalidDataException($"FAQ '{questions[0]}': baris 'Sumber: dokumen > bagian' tidak ada.");
            var parts = source.Split('>', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2) throw new InvalidDataException($"FAQ '{questions[0]}': Sumber harus 'dokumen > bagian'.");
            result.Add(new FaqEntry(result.Count + 1, questions, string.Join(" ", answer).Trim(), parts[0], parts[1]));
            answer.Clear();
            source = null;
        }
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                questions = line[4..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            }
            else if (questions is null || line.Length == 0) continue;
            else if (line.StartsWith("Sumber:", StringComparison.OrdinalIgnoreCase)) source = line[7..].Trim();
            else answer.Add(line);
        }
        Flush();
        return result;
    }

    internal static List<SynonymRule> ParseSynonyms(IEnumerable<string> lines)
    {
        var rules = new List<SynonymRule>();
        foreach (var line in ReadList(lines))
        {
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow < 0) continue;   // "a, b =>" (nothing on the right) drops the words
            var expansion = line[(arrow + 2)..].Trim().ToLowerInvariant();
            foreach (var v in line[..arrow].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                rules.Add(new SynonymRule(v.ToLowerInvariant(), expansion));
        }
        return rules;
    }

    private static List<string> ReadList(IEnumerable<string> lines)
        => lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    private const string AidGroup = "bansos";

    private const string EverydayGroup = "umum";

    /// <summary>A list under "[group]" lines (names before the first header go to group ""), each group's names in order.</summary>
    internal static Dictionary<string, List<string>> ReadGroups(IEnumerable<string> lines)
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase) { [""] = [] };
        var current = groups[""];
        foreach (var line in ReadList(lines))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                var name = line[1..^1].Trim();
                current = groups.TryGetValue(name, out var existing) ? existing : groups[name] = [];
                continue;
            }
            current.Add(line);
        }
        return groups;
    }
}
