using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace PkhBot.Knowledge;

/// <summary>
/// Lucene's IndonesianAnalyzer, with one repair. Its stemmer takes "men-", "mem-", "meng-" (and "pen-", "pem-", "peng-")
/// off a word but does not put back the first letter the prefix swallowed: "menetapkan" stems to "etap" while "ditetapkan"
/// stems to "tetap"; "memotong" to "otong", "potong" to "potong"; "mengirim" to "irim". So a question and a passage that use
/// the same root with different prefixes did not meet. Here such a word is read with the swallowed letter restored (t, p,
/// k) when that gives a root the knowledge base uses and the word as stemmed does not ("menikah", "mengambil" stay).
/// The roots come from the knowledge base's own words that carry no such prefix.
/// </summary>
public sealed class RootRestoringAnalyzer : Analyzer
{
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly HashSet<string> _roots;

    private RootRestoringAnalyzer(HashSet<string> roots) => _roots = roots;

    /// <summary>An analyzer whose roots are the stems of the given texts' words that have no nasal prefix.</summary>
    public static RootRestoringAnalyzer Over(IEnumerable<string> texts)
    {
        var roots = new HashSet<string>(StringComparer.Ordinal);
        var stemmer = new IndonesianStemmer();
        using var plain = new PlainWords();
        foreach (var text in texts)
        {
            using var ts = plain.GetTokenStream("w", text);
            var term = ts.AddAttribute<ICharTermAttribute>();
            ts.Reset();
            while (ts.IncrementToken())
            {
                var word = term.ToString();
                if (NasalPrefix(word) is null) roots.Add(Stem(stemmer, word));
            }
            ts.End();
        }
        return new RootRestoringAnalyzer(roots);
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new StandardFilter(Version, source);
        result = new LowerCaseFilter(Version, result);
        result = new StopFilter(Version, result, IndonesianAnalyzer.DefaultStopSet);
        result = new RestoreFilter(result, _roots);
        return new TokenStreamComponents(source, new IndonesianStemFilter(result));
    }

    /// <summary>The prefix's length and the letter it swallowed: "men" + vowel was t, "mem" + vowel p, "meng" + vowel k.</summary>
    internal static (int Length, char Swallowed)? NasalPrefix(string word)
    {
        if (word.Length < 6 || word[0] is not ('m' or 'p') || word[1] != 'e') return null;
        if (word[2] == 'n' && word[3] == 'g' && IsVowel(word[4])) return (4, 'k');
        if (word[2] == 'n' && word[3] != 'y' && IsVowel(word[3])) return (3, 't');
        if (word[2] == 'm' && IsVowel(word[3])) return (3, 'p');
        return null;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string Stem(IndonesianStemmer stemmer, string word)
    {
        var chars = word.ToCharArray();
        return new string(chars, 0, stemmer.Stem(chars, chars.Length, stemDerivational: true));
    }

    /// <summary>Rewrites "menetapkan" to "tetapkan" before stemming when "tetap" is a root and "etap" is not.</summary>
    private sealed class RestoreFilter : TokenFilter
    {
        private readonly HashSet<string> _roots;
        private readonly ICharTermAttribute _term;
        private readonly IndonesianStemmer _stemmer = new();   // one per token stream: the stemmer keeps state per call

        public RestoreFilter(TokenStream input, HashSet<string> roots) : base(input)
        {
            _roots = roots;
            _term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken()) return false;
            var word = _term.ToString();
            if (NasalPrefix(word) is not { } prefix) return true;
            var restored = prefix.Swallowed + word[prefix.Length..];
            if (!_roots.Contains(Stem(_stemmer, word)) && _roots.Contains(Stem(_stemmer, restored)))
                _term.SetEmpty().Append(restored);
            return true;
        }
    }

    /// <summary>The analyzer's words before stemming: for collecting the roots.</summary>
    private sealed class PlainWords : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new StandardFilter(Version, source);
            result = new LowerCaseFilter(Version, result);
            return new TokenStreamComponents(source, new StopFilter(Version, result, IndonesianAnalyzer.DefaultStopSet));
        }
    }
}
