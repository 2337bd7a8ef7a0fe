using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// The terms a query relaxes over, read against the index: adjacent topic words the archive holds verbatim become
/// one group (<see cref="Relaxation.Compounds"/>), and each term but a year is matched once: how many articles have
/// it (a word no article has goes first) and its weight, the idf of the index terms it is matched by, decide the order
/// they are given up in, and which articles have it (passing the filters) tell how many a step finds without searching
/// again (<see cref="CountAt"/>). Only a query that found too little comes here, so this costs the others nothing.
/// </summary>
internal sealed class RelaxationTerms
{
    private readonly IReadOnlyList<QueryPart> _parts;
    private readonly Func<Query, Matches> _match;
    /// <summary>Single words' matches by part index, searched once whether a word is a term of its own or one of several.</summary>
    private readonly Dictionary<int, Matches> _partMatches;
    /// <summary>The articles each term matches that pass the filters.</summary>
    private readonly IReadOnlyList<FixedBitSet> _docs;

    private RelaxationTerms(IReadOnlyList<QueryPart> parts, Func<Query, Matches> match, Dictionary<int, Matches> partMatches,
        IReadOnlyList<Query> queries, IReadOnlyList<string> texts, IReadOnlyList<int> sizes, IReadOnlyList<TermStats> stats,
        IReadOnlyList<FixedBitSet> docs)
    {
        (_parts, _match, _partMatches, _docs) = (parts, match, partMatches, docs);
        (Queries, Texts, Sizes, Stats) = (queries, texts, sizes, stats);
    }

    public IReadOnlyList<Query> Queries { get; }
    public IReadOnlyList<string> Texts { get; }
    /// <summary>How many parts (single words) each term holds: 1, or more for a group.</summary>
    public IReadOnlyList<int> Sizes { get; }
    public IReadOnlyList<TermStats> Stats { get; }

    /// <param name="match">What a query matches in the date range (see <see cref="Matches"/>).</param>
    public static RelaxationTerms Of(IndexSearcher searcher, QueryBuilder builder, BuiltQuery built, Func<Query, Matches> match)
    {
        var parts = built.Parts;
        var verbatim = new Dictionary<string, (Query? Query, Matches Matches)>();
        (Query? Query, Matches Matches) Verbatim(int first, int last)
        {
            var text = built.Chunks[parts[first].Chunk][parts[first].Start..parts[last].End];
            if (verbatim.TryGetValue(text, out var known)) return known;
            var query = builder.Verbatim(text);
            return verbatim[text] = (query, query is null ? Matches.None(searcher.IndexReader.MaxDoc) : match(query));
        }

        var groups = Relaxation.Compounds([.. parts.Select(p => p.Role)],
            i => parts[i].Chunk >= 0 && parts[i + 1].Chunk == parts[i].Chunk && parts[i].End == parts[i + 1].Start,
            (first, last) => Verbatim(first, last).Matches.Count > 0);

        var docCount = searcher.IndexReader.MaxDoc;
        double Weight(string text) =>
            builder.IndexTerms(text).Sum(term => Relaxation.Idf(builder.DocFreq(term), docCount));

        var queries = new List<Query>();
        var texts = new List<string>();
        var sizes = new List<int>();
        var stats = new List<TermStats>();
        var docs = new List<FixedBitSet>();
        var partMatches = new Dictionary<int, Matches>();
        foreach (var (first, last) in groups)
        {
            var role = first == last ? parts[first].Role : TermRole.Word;
            // A year is never required, dropped or one of several (Relaxation.Levels): its bonus prefers the articles
            // dated in it, so which articles write it is never asked, and searching for it was a search for nothing.
            var (query, matches) = first != last ? Verbatim(first, last)
                : role == TermRole.Year ? (parts[first].Query, Matches.None(docCount))
                : (parts[first].Query, partMatches[first] = match(parts[first].Query));
            var text = first == last ? parts[first].Text : built.Chunks[parts[first].Chunk][parts[first].Start..parts[last].End];
            queries.Add(query!);
            texts.Add(text);
            sizes.Add(last - first + 1);
            stats.Add(role == TermRole.Year ? new TermStats(role, 0, 0)
                : new TermStats(role, matches.Count, role == TermRole.Fixed ? Relaxation.Idf(matches.Count, docCount) : Weight(text)));
            docs.Add(matches.Docs);
        }
        return new RelaxationTerms(parts, match, partMatches, queries, texts, sizes, stats, docs);
    }

    /// <summary>
    /// How many articles passing the filters a step finds: those with every term it requires (and one of its AnyOf
    /// parts), less the excluded ones, and the strict query's own (<paramref name="strictDocs"/>), which the relaxed
    /// query keeps. What the searcher would count running the step's query, worked out on the terms' sets: trying a
    /// step was a search building a scorer for every word twice (the step and the strict query within it).
    /// </summary>
    public int CountAt(RelaxationLevel level, FixedBitSet? excluded, IEnumerable<int> strictDocs)
    {
        FixedBitSet? found = null;
        foreach (var i in level.Required) found = Intersect(found, _docs[i]);
        if (level.AnyOf.Count > 0)
        {
            var any = PartMatches(level.AnyOf[0]).Docs.Clone();
            foreach (var i in level.AnyOf.Skip(1)) any.Or(PartMatches(i).Docs);
            found = Intersect(found, any);
        }
        if (found is null) throw new ArgumentException("a step requires a term or one of several", nameof(level));
        if (excluded is not null) found.AndNot(excluded);
        foreach (var doc in strictDocs) found.Set(doc);
        return found.Cardinality;

        static FixedBitSet Intersect(FixedBitSet? found, FixedBitSet docs)
        {
            if (found is null) return docs.Clone();
            found.And(docs);
            return found;
        }
    }

    private Matches PartMatches(int part)
    {
        if (!_partMatches.TryGetValue(part, out var matches)) _partMatches[part] = matches = _match(_parts[part].Query);
        return matches;
    }
}

/// <summary>
/// What a query matches in the date range: <paramref name="Count"/> articles (whatever the section and region filters),
/// of which <paramref name="Docs"/> (top-level doc ids) pass those filters.
/// </summary>
internal readonly record struct Matches(int Count, FixedBitSet Docs)
{
    public static Matches None(int maxDoc) => new(0, new FixedBitSet(maxDoc));
}
