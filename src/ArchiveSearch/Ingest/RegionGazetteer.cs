namespace ArchiveSearch.Ingest;

/// <summary>
/// Finds the places a text names, from the gazetteer data files:
/// <c>regions.tsv</c> (generated from GB/T 2260 by tools/gazetteer), <c>regions-groups.tsv</c>
/// (长三角, 沪苏浙皖 …), <c>regions-national.txt</c> (words that make a text nationwide),
/// <c>regions-stop.txt</c> (words that contain a place name but do not name a place) and
/// <c>regions-standalone.txt</c> (county short names that count without their city).
/// </summary>
/// <remarks>
/// Chinese has no spaces, so the text is cut greedily: at each position the longest known word
/// wins and the scan continues after it. That keeps 浙江山区 from yielding 江山 and lets a stop
/// word such as 开发区 or 和平发展 swallow the place name inside it, while a longer real name
/// (江山市, 和平区) still beats the stop word.
/// Most county short names are also ordinary words (合作, 资源, 振兴, 新建), so they and the
/// two-character county names (沛县, 和县) count only next to their city (徐州沛县, 常州钟楼).
/// </remarks>
public sealed class RegionGazetteer
{
    /// <summary>The tag for national bodies and nationwide policy.</summary>
    public const string Nationwide = "全国";

    public static RegionGazetteer Default { get; } = Load(DataFile.Directory);

    private enum Level { Province, City, County }

    private sealed class Place(string code, string name, string tag, Level level)
    {
        public string Code { get; } = code;
        public string Name { get; } = name;
        public string Tag { get; } = tag;
        public Level Level { get; } = level;
        public Place? Parent { get; set; }

        /// <summary>Province first, this place last.</summary>
        public IEnumerable<Place> Chain() => Parent is null ? [this] : Parent.Chain().Append(this);
    }

    private enum TermKind { Stop, Nationwide, Group, Place }

    /// <summary>What a word in the text stands for. For <see cref="TermKind.Place"/> the places are
    /// candidates (鼓楼 is a district of four cities); for a group they are all meant.
    /// <paramref name="NeedsParent"/>: the word names a place only if the text also names its parent.</summary>
    private sealed record Term(TermKind Kind, Place[] Places, bool NeedsParent = false);

    private readonly Dictionary<string, Term>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longestTerm;
    private readonly ILookup<string, Place> _byTag;

    private RegionGazetteer(Dictionary<string, Term> terms, ILookup<string, Place> byTag)
    {
        _lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestTerm = terms.Keys.Max(k => k.Length);
        _byTag = byTag;
    }

    /// <summary>
    /// Short region names (江苏, 常州, 全国) named in <paramref name="text"/>, each with its parents,
    /// without duplicates. Order: places in order of first mention, each preceded by those of its
    /// parents not listed yet (常州市武进区 → 江苏, 常州, 武进); a group (长三角) lists its members
    /// in the data file's order. Lines should already be joined: a name never spans a line break.
    /// </summary>
    public IReadOnlyList<string> Extract(string text)
    {
        // Folded first, so 江蘇 in an article written in traditional characters is found as 江苏 (the tags are simplified).
        var found = Scan(ScriptFolding.Default.Fold(text));

        // Codes of places named without doubt, and their parents: the context that picks among
        // candidates (南京市鼓楼区) and confirms two-character county names (徐州沛县).
        var context = found
            .Where(t => t.Kind == TermKind.Group || (t.Kind == TermKind.Place && !t.NeedsParent && t.Places.Length == 1))
            .SelectMany(t => t.Places)
            .SelectMany(p => p.Chain())
            .Select(p => p.Code)
            .ToHashSet();

        var tags = new List<string>();
        foreach (var term in found)
        {
            var places = term.Kind switch
            {
                TermKind.Group => term.Places,
                TermKind.Place => Resolve(term, context),
                _ => [],
            };
            if (term.Kind == TermKind.Nationwide && !tags.Contains(Nationwide)) tags.Add(Nationwide);
            foreach (var tag in places.SelectMany(p => p.Chain()).Select(p => p.Tag))
            {
                if (!tags.Contains(tag)) tags.Add(tag);
            }
        }
        return tags;
    }

    /// <summary>Whether <paramref name="region"/> is a tag <see cref="Extract"/> can produce: for validating region filters.</summary>
    public bool IsKnown(string region)
    {
        var tag = ScriptFolding.Default.Fold(region);
        return tag == Nationwide || _byTag.Contains(tag);
    }

    /// <summary>
    /// The tags, each preceded by its parents not listed yet (常州 → 江苏, 常州), as <see cref="Extract"/> lists them.
    /// For articles tagged elsewhere (JSONL): a province filter finds articles about its cities only through the
    /// province's tag on them. A tag several places share (鼓楼) brings no parents: which one is meant is unknown.
    /// </summary>
    public IReadOnlyList<string> WithParents(IEnumerable<string> regions)
    {
        var tags = new List<string>();
        foreach (var region in regions.Select(ScriptFolding.Default.Fold))
        {
            var chain = _byTag[region].ToArray() is [var place] ? place.Chain().Select(p => p.Tag) : [region];
            foreach (var tag in chain)
            {
                if (!tags.Contains(tag)) tags.Add(tag);
            }
        }
        return tags;
    }

    /// <summary>The terms of the text, left to right, longest match first.</summary>
    private List<Term> Scan(string text)
    {
        var found = new List<Term>();
        var span = text.AsSpan();
        for (var i = 0; i < span.Length;)
        {
            var length = Math.Min(_longestTerm, span.Length - i);
            Term? term = null;
            for (; length >= 2 && !_lookup.TryGetValue(span.Slice(i, length), out term); length--) { }
            if (term is null)
            {
                i++;
                continue;
            }
            if (term.Kind != TermKind.Stop) found.Add(term);
            i += length;
        }
        return found;
    }

    /// <summary>The candidate the rest of the text confirms most closely (南京市鼓楼区: the district
    /// of 南京, not that of 徐州, although both are in 江苏); failing that, unless the word needs its
    /// parent named, the one plainly more important (西安 the city over 西安区); failing that, none:
    /// precision over recall.</summary>
    private static Place[] Resolve(Term term, HashSet<string> context)
    {
        // Steps up from the candidate to the nearest place the text names without doubt.
        int? Distance(Place candidate)
        {
            var steps = 0;
            for (var p = candidate; p is not null; p = p.Parent, steps++)
            {
                if (context.Contains(p.Code)) return steps;
            }
            return null;
        }

        var confirmed = term.Places
            .Select(c => (Place: c, Distance: Distance(c)))
            .Where(c => c.Distance is not null && (!term.NeedsParent || c.Distance <= 1))
            .GroupBy(c => c.Distance)
            .MinBy(g => g.Key)?
            .Select(c => c.Place)
            .ToArray() ?? [];
        if (confirmed.Length == 1) return confirmed;
        if (term.NeedsParent) return [];
        var pool = confirmed.Length > 1 ? confirmed : term.Places;
        var top = pool.Min(c => c.Level);
        var best = pool.Where(c => c.Level == top).ToArray();
        return best.Length == 1 ? best : [];
    }

    private static RegionGazetteer Load(string dataDirectory)
    {
        var places = ReadPlaces(Path.Combine(dataDirectory, "regions.tsv"));
        var standalone = DataFile.LinesOf(Path.Combine(dataDirectory, "regions-standalone.txt")).ToHashSet();
        var unknown = standalone.Where(tag => !places.Any(p => p.Level == Level.County && p.Tag == tag)).ToList();
        if (unknown.Count > 0) throw new InvalidDataException($"regions-standalone.txt: not county tags: {string.Join(", ", unknown)}");

        // Each place is written as its full name or its tag. A county's word needs its parent named
        // when it is a two-character full name or a short form not listed as standalone.
        var words = places.SelectMany(p => new[] { (Word: p.Name, Place: p), (Word: p.Tag, Place: p) }).Distinct();
        bool NeedsParent(string word, Place place) =>
            place.Level == Level.County && (word == place.Name ? word.Length == 2 : !standalone.Contains(word));
        var terms = new Dictionary<string, Term>();
        foreach (var word in words.GroupBy(w => w.Word))
        {
            terms[word.Key] = new Term(TermKind.Place, word.Select(w => w.Place).ToArray(), word.Any(w => NeedsParent(word.Key, w.Place)));
        }

        var byTag = places.ToLookup(p => p.Tag);
        foreach (var fields in DataFile.LinesOf(Path.Combine(dataDirectory, "regions-groups.tsv")).Select(l => l.Split('\t')))
        {
            var members = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(tag => byTag[tag].ToArray() switch
            {
                [var place] => place,
                _ => throw new InvalidDataException($"regions-groups.tsv: {fields[0]} lists {tag}, which is not exactly one place"),
            });
            terms[fields[0]] = new Term(TermKind.Group, members.ToArray());
        }
        foreach (var word in DataFile.LinesOf(Path.Combine(dataDirectory, "regions-national.txt")))
        {
            terms[word] = new Term(TermKind.Nationwide, []);
        }
        // Last, so a stop word overrides a place's short form (和平, 城区).
        foreach (var word in DataFile.LinesOf(Path.Combine(dataDirectory, "regions-stop.txt")))
        {
            terms[word] = new Term(TermKind.Stop, []);
        }

        return new RegionGazetteer(terms, byTag);
    }

    private static List<Place> ReadPlaces(string path)
    {
        // Columns: code, name, short (the tag), level, parent code; the header row names them.
        var rows = DataFile.LinesOf(path).Skip(1).Select(l => l.Split('\t')).ToList();
        var places = rows.Select(r => new Place(r[0], r[1], r[2], Enum.Parse<Level>(r[3], ignoreCase: true))).ToList();
        var byCode = places.ToDictionary(p => p.Code);
        foreach (var (row, place) in rows.Zip(places))
        {
            if (row[4].Length > 0) place.Parent = byCode[row[4]];
        }
        return places;
    }
}
