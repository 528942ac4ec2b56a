using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace PkhBot.Knowledge;

/// <summary>A search result: an FAQ pair or a document section, with where it comes from.</summary>
public readonly record struct QueryTerm(string Text, float Weight);

/// <param name="Coverage">Share of the question's own words (not synonyms, not "PKH") found in this entry.</param>
/// <param name="Key">The entry's position in the index (for <see cref="KnowledgeIndex.Holds"/>); -1 when unknown.</param>
public sealed record KnowledgeHit(bool IsFaq, string Title, string Section, string Text, float Score, KnowledgeDocument Document, FaqEntry? Faq, double Coverage, int Key = -1);

/// <summary>
/// The in-memory Lucene index over the documents (one entry per "## " section) and the FAQ (one per pair,
/// its questions weighted strongly, its answer weakly). Built once from <see cref="KnowledgeContent"/>;
/// searching is thread-safe (IndexSearcher and the analyzer's per-thread token streams).
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Question = "q", Answer = "answer", Heading = "heading", Title = "title", Body = "body", Key = "key";

    /// <summary>Words every question in this index is about anyway: they may tip a tie, never decide.</summary>
    private static readonly HashSet<string> TopicTerms = ["pkh", "bansos", "bantu", "program", "harap"];

    /// <summary>Stems of the canonical question words of synonyms.txt (pengertian, jenis, cara, alasan, lokasi).</summary>
    private static readonly HashSet<string> QuestionWords = ["erti", "jenis", "cara", "alas", "lokasi"];

    private readonly Analyzer _analyzer;
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly List<(KnowledgeDocument Doc, KnowledgeSection Section, FaqEntry? Faq)> _entries = [];
    private readonly List<HashSet<string>> _entryStems = [];
    private readonly List<HashSet<string>[]> _variantStems = [];

    /// <summary>Per entry: the programme words (domain-terms.txt, not "PKH" itself) every question variant of an FAQ pair names.</summary>
    private readonly List<List<string[]>> _pairAnchors = [];
    private readonly Dictionary<string, int> _entryFreq = new(StringComparer.Ordinal);
    private readonly List<string[]> _domainTerms;
    /// <summary>The domain terms outside "[umum]": words of the programme itself ("pkh", "kpm", "pendamping", "KUBE").</summary>
    private readonly List<string[]> _programmeTerms;
    private readonly List<(string[] Expanded, string[] Plain)> _otherPrograms;
    private readonly List<(string[] Expanded, string[] Plain)> _otherAid;
    private readonly List<string[]> _notCovered;

    /// <summary>Stem of "PKH": a question that names PKH itself stays in scope even when it names another programme.</summary>
    private const string PkhStem = "pkh";

    public KnowledgeContent Content { get; }
    public QueryNormalizer Normalizer { get; }

    /// <summary>Whether a passage answers the question asked (kind and subject).</summary>
    public AnswerFit Fit { get; }

    /// <summary>The benefit calculator over benefits.tsv, and the reader of komponen counts; null without the file.</summary>
    public BenefitCalculator? Calculator { get; }
    public FamilyParser? Families { get; }

    public KnowledgeIndex(KnowledgeContent content)
    {
        Content = content;
        Normalizer = new QueryNormalizer(content);
        Fit = new AnswerFit(content.Subjects);
        if (content.Benefits is { } benefits)
        {
            Calculator = new BenefitCalculator(benefits);
            Families = new FamilyParser(benefits);
        }
        _analyzer = RootRestoringAnalyzer.Over(content.Documents.SelectMany(d => d.Sections.Select(s => d.Title + " " + s.Heading + " " + s.Text))
            .Concat(content.Faq.Select(f => string.Join(" ", f.Questions) + " " + f.Answer))
            .Select(t => t + " " + Normalizer.Expand(t)));
        var bm25 = new FieldSimilarity();
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = bm25, OpenMode = OpenMode.CREATE }))
        {
            foreach (var doc in content.Documents)
            {
                foreach (var section in doc.Sections)
                {
                    writer.AddDocument(new Document
                    {
                        new StoredField(Key, _entries.Count),
                        new TextField(Title, doc.Title, Field.Store.NO),
                        new TextField(Heading, section.Heading, Field.Store.NO),
                        new TextField(Body, Normalizer.Expand(section.Text), Field.Store.NO),
                    });
                    _entries.Add((doc, section, null));
                    _entryStems.Add(Analyze(Normalizer.Expand(doc.Title + " " + section.Heading + " " + section.Text)).ToHashSet(StringComparer.Ordinal));
                    _variantStems.Add([]);
                }
            }
            foreach (var faq in content.Faq)
            {
                var doc = content.Document(faq.DocId);
                writer.AddDocument(new Document
                {
                    new StoredField(Key, _entries.Count),
                    // Each word once: expansions must not inflate term frequency in a short field.
                    new TextField(Question, FaqQuestionField(faq), Field.Store.NO),
                    new TextField(Answer, faq.Answer, Field.Store.NO),
                });
                _entries.Add((doc, doc.Sections.First(s => s.Heading == faq.Section), faq));
                _entryStems.Add(Analyze(FaqQuestionField(faq) + " " + Normalizer.Expand(faq.Answer)).ToHashSet(StringComparer.Ordinal));
                _variantStems.Add(faq.Questions.Select(q => Analyze(Normalizer.Expand(q)).Where(t => !TopicTerms.Contains(t)).ToHashSet(StringComparer.Ordinal)).Where(v => v.Count > 0).ToArray());
            }
            writer.Commit();
        }
        foreach (var stems in _entryStems)
            foreach (var stem in stems)
                _entryFreq[stem] = _entryFreq.GetValueOrDefault(stem) + 1;
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = bm25 };
        _domainTerms = content.DomainTerms.Select(t => Analyze(t).ToArray()).Where(a => a.Length > 0).ToList();
        var everyday = content.EverydayTerms.Select(t => Analyze(t).ToArray()).Where(a => a.Length > 0).ToList();
        _programmeTerms = _domainTerms.Where(d => !everyday.Any(e => e.SequenceEqual(d))).ToList();
        // Only a rare programme word marks what a pair is about ("KUBE", "sanggah"); "cair", "tahap" are shared by many pairs,
        // and everyday words ("hamil", "lansia") are named in other words ("nifas", "simbah").
        foreach (var variants in _variantStems)
            _pairAnchors.Add(variants.Length == 0 ? [] : _programmeTerms.Where(d => !d.All(TopicTerms.Contains) && variants.All(v => d.All(v.Contains))
                && d.Min(x => _entryFreq.GetValueOrDefault(x)) <= _entries.Count * MaxPairAnchorShare).ToList());
        _otherPrograms = content.OtherPrograms.Select(Programme).Where(a => a.Expanded.Length > 0).ToList();
        _otherAid = content.OtherAid.Select(Programme).Where(a => a.Expanded.Length > 0).ToList();
        _notCovered = content.NotCovered.Select(t => Analyze(Normalizer.ExpandParts(t).Original).ToArray()).Where(a => a.Length > 0).ToList();
    }

    /// <summary>
    /// The question variants, normalised like a query, each word once (expansions must not inflate term
    /// frequency); an answer that states a rupiah amount also answers "berapa besarannya".
    /// </summary>
    private string FaqQuestionField(FaqEntry faq)
    {
        var words = Normalizer.Expand(string.Join(" ", faq.Questions)).Split(' ').Distinct().ToList();
        if (faq.Answer.Contains("Rp", StringComparison.Ordinal) && !words.Contains("besaran")) words.Add("besaran");
        return string.Join(' ', words);
    }

    public static KnowledgeIndex Load(string root) => new(KnowledgeContent.Load(root));

    /// <summary>A programme's name as the question will be read (synonyms applied) and as written.</summary>
    private (string[] Expanded, string[] Plain) Programme(string name)
        => (Analyze(Normalizer.Expand(name)).ToArray(), Analyze(string.Join(' ', Normalizer.Words(name))).ToArray());

    /// <summary>
    /// Stems of the question ("bantuannya" -> "bantu") with weights: the user's own words 1, synonym additions less.
    /// In question order, the user's own words first (<see cref="NotCovered"/> reads which stand side by side).
    /// </summary>
    public IReadOnlyList<QueryTerm> QueryTerms(string question) => QueryTerms(Normalizer.ExpandParts(question));

    /// <summary>As <see cref="QueryTerms(string)"/>, from the question's normalised parts.</summary>
    public IReadOnlyList<QueryTerm> QueryTerms((string Original, string Expansion) parts)
    {
        var (original, expansion) = parts;
        var order = new List<string>();
        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var t in Analyze(original))
            if (terms.TryAdd(t, TopicTerms.Contains(t) ? 0.3f : 1f)) order.Add(t);
        foreach (var t in Analyze(expansion))
            if (terms.TryAdd(t, TopicTerms.Contains(t) ? 0.3f : ExpansionWeight)) order.Add(t);
        // "apa pengertian PKH": when nothing but question words is left, the topic word is the question.
        if (terms.All(kv => TopicTerms.Contains(kv.Key) || QuestionWords.Contains(kv.Key) || kv.Value < 1f))
            foreach (var t in TopicTerms.Where(terms.ContainsKey).ToList()) terms[t] = 1f;
        return order.Select(t => new QueryTerm(t, terms[t])).ToList();
    }

    private const float ExpansionWeight = 0.6f;

    /// <summary>
    /// True when the question has at least one PKH word (domain-terms.txt) after normalisation, and does not
    /// name another programme (other-programs.txt: BLT desa, KIP, Prakerja, ...) without naming PKH itself.
    /// </summary>
    public bool IsAboutPkh(IReadOnlyList<QueryTerm> terms, IReadOnlyList<string> words)
    {
        var set = terms.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var plain = PlainStems(words);
        if (!set.Contains(PkhStem) && _otherPrograms.Any(p => Names(set, plain, p))) return false;
        return _domainTerms.Any(d => d.All(set.Contains));
    }

    /// <summary>
    /// True when the question has a PKH word that everyday talk does not use (domain-terms.txt outside "[umum]"): "pkh",
    /// "kpm", "pendamping", "cair". "anak", "SD", "bank" alone do not make a question about the programme.
    /// </summary>
    public bool NamesPkhItself(IReadOnlyList<QueryTerm> terms)
    {
        var set = terms.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        return _programmeTerms.Any(d => d.All(set.Contains));
    }

    /// <summary>
    /// The other programmes (other-programs.txt) a PKH question names: "keluarga PKH otomatis dapat KIP Kuliah?", "PKH
    /// dicairkan lewat dana desa?". An answer about PKH alone does not answer what the question says of them.
    /// </summary>
    public IReadOnlyList<string[]> OtherProgramsNamed(IReadOnlyList<QueryTerm> terms, IReadOnlyList<string> words)
    {
        var set = terms.Where(t => t.Weight >= 1f).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var plain = PlainStems(words);
        return _otherPrograms.Where(p => Names(set, plain, p)).Select(p => p.Expanded).ToList();
    }

    /// <summary>
    /// A programme's name is in the question both as read (synonyms applied) and as written: "dana" reads as "besaran", and so
    /// does the "berapa" of "di desa saya anak SD dapat berapa", which does not name "dana desa".
    /// </summary>
    private static bool Names(HashSet<string> set, HashSet<string> plain, (string[] Expanded, string[] Plain) programme)
        => programme.Expanded.All(set.Contains) && programme.Plain.All(plain.Contains);

    /// <summary>The stems of the question's words as written (slang and typos fixed, no synonym applied).</summary>
    private HashSet<string> PlainStems(IReadOnlyList<string> words) => Analyze(string.Join(' ', words)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the hit's entry names every one of the given programmes (each phrase's words all in it).</summary>
    public bool HoldsAll(KnowledgeHit hit, IReadOnlyList<string[]> phrases)
        => phrases.Count == 0 || hit.Key < 0 || hit.Key >= _entryStems.Count || phrases.All(p => p.All(_entryStems[hit.Key].Contains));

    /// <summary>Another social assistance programme ("[bansos]" of other-programs.txt: BLT, PIP, BPNT) named without PKH.</summary>
    public bool NamesOtherAid(IReadOnlyList<QueryTerm> terms, IReadOnlyList<string> words)
    {
        var set = terms.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var plain = PlainStems(words);
        return !set.Contains(PkhStem) && _otherAid.Any(p => Names(set, plain, p));
    }

    public IReadOnlyList<KnowledgeHit> Search(string question, int top = 5) => Search(QueryTerms(question), top);

    /// <summary>
    /// A PKH topic the documents have no facts on (not-covered.txt: "gaji pendamping"): whatever passage matched
    /// its words ("pendamping" -> the graduation target per pendamping) would answer another question. The phrase's
    /// words must stand side by side, in any order ("pendamping PKH gajinya berapa"), so "pendamping bilang gaji suami
    /// di atas UMK" is still answered. Read from the question's words in order, with the gaps of dropped words.
    /// </summary>
    public bool NotCovered(IReadOnlyList<QueryTerm> terms, IReadOnlyList<string> wordsWithGaps)
    {
        if (_notCovered.Count == 0) return false;
        // "pendamping PKH gajinya": the programme's own name does not separate the phrase's words; a word slang.txt drops
        // does ("pendamping bilang gaji suami").
        var own = terms.Where(t => t.Weight >= 1f && !TopicTerms.Contains(t.Text)).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var words = new List<string>();
        foreach (var w in wordsWithGaps)
            if (w.Length == 0) words.Add("");
            else words.AddRange(Analyze(Normalizer.Canonical(w)).Where(own.Contains));
        return _notCovered.Any(phrase => Enumerable.Range(0, Math.Max(0, words.Count - phrase.Length + 1))
            .Any(i => phrase.All(words.GetRange(i, phrase.Length).Contains)));
    }

    /// <summary>
    /// True when most of the question's own words (two or more) appear nowhere in the knowledge base ("uang pkh
    /// buat beli rokok": "beli" and "rokok"): the one word that matched ("uang") would carry an unrelated answer.
    /// </summary>
    /// <param name="unknown">The question's <see cref="UnknownWords"/>, looked up once by the caller.</param>
    public static bool MostlyUnknown(IReadOnlyList<QueryTerm> terms, IReadOnlyList<string> unknown)
    {
        var own = terms.Count(t => t.Weight >= 1f && !TopicTerms.Contains(t.Text));
        return unknown.Count >= 2 && unknown.Count * 2 > own;
    }

    /// <summary>
    /// Share of the question's own words, not counting question words ("cara", "apa") nor "PKH", that the hit's entry
    /// holds: "cara daftar cpns 2026" shares only "daftar" with how to register for PKH.
    /// </summary>
    public double ContentCoverage(KnowledgeHit hit, IReadOnlyList<QueryTerm> terms)
    {
        var own = terms.Where(t => t.Weight >= 1f && !TopicTerms.Contains(t.Text) && !QuestionWords.Contains(t.Text)).Select(t => t.Text).Distinct().ToList();
        if (own.Count == 0 || hit.Key < 0 || hit.Key >= _entryStems.Count) return hit.Coverage;
        return (double)own.Count(_entryStems[hit.Key].Contains) / own.Count;
    }

    /// <summary>The question's own words (not numbers) that occur nowhere in the knowledge base ("yatim", "cpns").</summary>
    public IReadOnlyList<string> UnknownWords(IReadOnlyList<QueryTerm> terms)
        => terms.Where(t => t.Weight >= 1f && !TopicTerms.Contains(t.Text)).Select(t => t.Text)
            .Where(t => !t.Any(char.IsDigit) && !Fields.Any(f => _reader.DocFreq(new Term(f, t)) > 0)).ToList();

    private static readonly string[] Fields = [Question, Heading, Title, Body, Answer];

    /// <summary>
    /// Names of places the knowledge base does not know, as the question writes them after a place word ("kecamatan
    /// Wonokerto", "desa Sidomukti"): the facts are national or for the whole kabupaten, so an answer must name the place
    /// itself, never give the kabupaten's or the nation's figure for it. "desa saya", "desa lain" name no place.
    /// </summary>
    public IReadOnlyList<string> PlaceNames(IReadOnlyList<string> words)
    {
        var names = new List<string>();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (!PlaceWords.Contains(words[i])) continue;
            var name = words[i + 1];
            // "kecamatan sih", "desa ya": a particle the synonyms drop is no name.
            if (name.Length < 3 || !name.All(char.IsLetter) || Normalizer.Canonical(name).Length == 0) continue;
            var stems = Analyze(name).ToList();
            if (stems.Count > 0 && stems.All(t => !Fields.Any(f => _reader.DocFreq(new Term(f, t)) > 0))) names.Add(name);
        }
        return names;
    }

    /// <summary>"desa saya", "kecamatan ku", "desa sini": the asker's own place, unnamed (its figures are not in the facts either).</summary>
    public static bool NamesOwnPlace(IReadOnlyList<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
            if (PlaceWords.Contains(words[i]) && words[i + 1] is "saya" or "ku" or "aku" or "kami" or "kita" or "sini" or "kula" or "kene") return true;
        return false;
    }

    private static readonly HashSet<string> PlaceWords = ["desa", "kelurahan", "kecamatan", "kec", "kel", "ds", "dusun", "dukuh", "kampung", "dsn"];

    /// <summary>
    /// The question's most specific programme words: of the PKH words (domain-terms.txt, not "PKH"/"bansos" themselves)
    /// the question names in its own words, the one(s) found in the fewest entries. An answer must hold one of them:
    /// "sanggah di aplikasi cek bansos caranya" is about the sanggah, not the status check that shares "aplikasi" and
    /// "cek"; "ProKUS itu apa" is not answered with what KPM means; "dtsen dipakai mulai kapan" not with when PKH began.
    /// Only programme words anchor: an everyday word of a long message ("tingkat", "mesin") never does. Empty: no anchor.
    /// </summary>
    /// <param name="typed">The question's words as typed (after spelling and typo correction, before synonyms): a
    /// paraphrase the synonyms made ("penerima PKH" -> "kpm") does not anchor.</param>
    public IReadOnlyList<(string[] Stems, double Weight)> Specific(IReadOnlyList<QueryTerm> terms, IReadOnlyList<string> typed)
    {
        var own = terms.Where(t => t.Weight >= 1f).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        own.IntersectWith(Analyze(string.Join(' ', typed)));
        // A word in a fifth of the entries ("pendamping", "KPM", "komponen") says too little to anchor an answer.
        return _domainTerms.Where(d => !d.All(TopicTerms.Contains) && d.All(own.Contains) && Freq(d) <= _entries.Count * MaxAnchorShare)
            .Select(d => (d, Math.Log((double)_entries.Count / Math.Max(1, Freq(d))))).ToList();

        int Freq(string[] stems) => stems.Where(x => !TopicTerms.Contains(x)).Min(x => _entryFreq.GetValueOrDefault(x));
    }

    private const double MaxAnchorShare = 0.2;

    private const double MaxPairAnchorShare = 0.1;

    /// <summary>
    /// Whether the hit's entry (an FAQ pair's questions and answer, or a section with its heading) holds the question's
    /// most specific programme word, or other programme words of the question that together say as much (the words'
    /// rarity summed): "hamil ... periksa minimal berapa kali ... dipotong", after "dijelaskan di pertemuan", is about
    /// the pregnancy, though "pertemuan" is the rarer word.
    /// </summary>
    public bool Holds(KnowledgeHit hit, IReadOnlyList<(string[] Stems, double Weight)> words)
    {
        if (words.Count == 0 || hit.Key < 0 || hit.Key >= _entryStems.Count) return true;
        var stems = _entryStems[hit.Key];
        return words.Where(w => w.Stems.All(stems.Contains)).Sum(w => w.Weight) >= words.Max(w => w.Weight) - 1e-9;
    }

    /// <summary>
    /// The stems that name the word a question asks about (<see cref="QuestionFocus.Word"/>): its own stem and what synonyms.txt
    /// makes of it ("syarate" -> syarat). Empty when it names only the programme, or is too common to tell entries apart.
    /// </summary>
    public IReadOnlyList<string> FocusStems(string word)
    {
        var stems = Analyze(word).Concat(QueryTerms(Normalizer.ExpandParts([word])).Select(t => t.Text))
            .Where(t => !TopicTerms.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        // A word in a fifth of the entries ("anak", "keluarga") tells no answer from another: no focus, as for the anchor.
        return stems.Any(t => _entryFreq.GetValueOrDefault(t) > _entries.Count * MaxAnchorShare) ? [] : stems;
    }

    /// <summary>
    /// Whether the question names every programme word that all of an FAQ pair's questions name: a pair whose every variant
    /// says "KUBE" ("Satu kelompok KUBE berapa KK?", "anggota KUBE berapa orang") answers a question about KUBE, not "anggota
    /// satu kelompok PKH berapa orang"; one whose every variant says "graduasi" does not answer "KPM Bojonegoro ada berapa".
    /// The mirror of <see cref="Holds"/>. Sections are not held to it (a heading names its topic, not every question it answers).
    /// </summary>
    public bool AsksWhatThePairIsAbout(KnowledgeHit hit, IReadOnlyList<QueryTerm> terms)
    {
        if (!hit.IsFaq || hit.Key < 0 || hit.Key >= _pairAnchors.Count || _pairAnchors[hit.Key].Count == 0) return true;
        var asked = terms.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        return _pairAnchors[hit.Key].All(a => a.All(asked.Contains));
    }

    /// <summary>Whether the hit's entry (FAQ questions + answer, or heading + section) names the asked-about word in any of its forms.</summary>
    public bool HoldsAny(KnowledgeHit hit, IReadOnlyList<string> stems)
        => stems.Count == 0 || hit.Key < 0 || hit.Key >= _entryStems.Count || stems.Any(_entryStems[hit.Key].Contains);

    public IReadOnlyList<KnowledgeHit> Search(IReadOnlyList<QueryTerm> terms, int top)
    {
        if (terms.Count == 0) return [];
        var query = new BooleanQuery();
        foreach (var (t, w) in terms)
        {
            query.Add(new TermQuery(new Term(Question, t)) { Boost = 3f * w }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(Heading, t)) { Boost = 1.5f * w }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(Title, t)) { Boost = 0.5f * w }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(Body, t)) { Boost = 1f * w }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(Answer, t)) { Boost = 0.4f * w }, Occur.SHOULD);
            if (t.Length >= 5 && !t.Any(char.IsDigit) && _reader.DocFreq(new Term(Question, t)) == 0 && _reader.DocFreq(new Term(Body, t)) == 0)
            {
                // Typo tolerance for words the index does not know: near terms count, far less than exact ones.
                query.Add(new FuzzyQuery(new Term(Question, t), 1, 1) { Boost = 0.6f * w }, Occur.SHOULD);
                query.Add(new FuzzyQuery(new Term(Body, t), 1, 1) { Boost = 0.2f * w }, Occur.SHOULD);
            }
        }
        var own = terms.Where(t => t.Weight >= 1f).Select(t => t.Text).ToList();
        var hits = new List<KnowledgeHit>();
        foreach (var sd in _searcher.Search(query, top).ScoreDocs)
        {
            var key = _searcher.Doc(sd.Doc).GetField(Key).GetInt32Value() ?? 0;
            var (doc, section, faq) = _entries[key];
            var coverage = own.Count == 0 ? 1.0 : (double)own.Count(_entryStems[key].Contains) / own.Count;
            hits.Add(new KnowledgeHit(faq is not null, doc.Title, section.Heading, faq?.Answer ?? section.Text, sd.Score * Specificity(key, own), doc, faq, coverage, key));
        }
        return hits.OrderByDescending(h => h.Score).ToList();
    }

    /// <summary>
    /// Near ties between FAQ pairs go to the one whose closest question variant is mostly made of the asked words:
    /// "balita dapat berapa" prefers "Balita dapat berapa?" over "Ibu hamil, balita, SD dan SMA totalnya berapa?".
    /// At most 12% off the score; sections are left as they are.
    /// </summary>
    private float Specificity(int key, IReadOnlyCollection<string> own)
    {
        var variants = _variantStems[key];
        if (variants.Length == 0 || own.Count == 0) return 1f;
        var best = variants.Max(v => (double)v.Count(own.Contains) / v.Count);
        return (float)(1 - SpecificityWeight * (1 - best));
    }

    private const double SpecificityWeight = 0.12;

    public IEnumerable<string> Analyze(string text)
    {
        using var ts = _analyzer.GetTokenStream(Body, text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        ts.Reset();
        var result = new List<string>();
        while (ts.IncrementToken()) result.Add(term.ToString());
        ts.End();
        return result;
    }

    /// <summary>BM25 everywhere; FAQ questions (many variants in one field) are barely penalised for length.</summary>
    private sealed class FieldSimilarity : PerFieldSimilarityWrapper
    {
        private readonly Similarity _default = new BM25Similarity(k1: 1.2f, b: 0.75f);
        private readonly Similarity _questions = new BM25Similarity(k1: 1.2f, b: 0.3f);
        public override Similarity Get(string name) => name == Question ? _questions : _default;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
