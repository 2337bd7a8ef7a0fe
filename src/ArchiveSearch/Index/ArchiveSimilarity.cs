using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace ArchiveSearch.Index;

/// <summary>
/// How the archive scores, for the writer's norms and the searcher alike: BM25 with Lucene's defaults (k1 1.2, b 0.75)
/// and the same scores as Lucene's <see cref="BM25Similarity"/>, bit for bit (a test compares them). Only what a query
/// pays differs. For every term of every query Lucene's fills a table of what each of the 256 norm values makes of a
/// document's length (1 KiB), and describes the idf as "idf(docFreq=…, maxDocs=…)", formatting two numbers into a
/// string that nothing reads unless a score is explained. Here the table is made once per average field length (a
/// field's, in one generation) and shared, and the idf is described as "idf". On the bundled mix, in process, the
/// description alone took 2–3% of a search (three alternating pairs) and the tables 8% of its allocations.
/// </summary>
public sealed class ArchiveSimilarity : Similarity
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;
    /// <summary>Tables kept: a generation has one a field; more than this many generations' and they start over.</summary>
    private const int MaxTables = 64;

    /// <summary>What the index writer stores as a document's norm: Lucene's encoding of its field length.</summary>
    private static readonly BM25Similarity LuceneBm25 = new(K1, B);
    /// <summary>The field length each norm value stands for, decoded as Lucene's BM25 does.</summary>
    private static readonly float[] Lengths = [.. Enumerable.Range(0, 256).Select(i =>
    {
        var f = SmallSingle.SByte315ToSingle((sbyte)i);
        return 1.0f / (f * f);
    })];

    private readonly ConcurrentDictionary<float, float[]> _lengthFactors = new();

    public override long ComputeNorm(FieldInvertState state) => LuceneBm25.ComputeNorm(state);

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        var idf = 0f;
        foreach (var term in termStats) idf += Idf(term.DocFreq, collectionStats.MaxDoc);
        var sumTotalTermFreq = collectionStats.SumTotalTermFreq;
        // A field no document has, or whose statistics are not kept, counts as one term long.
        var avgdl = sumTotalTermFreq <= 0 ? 1f : (float)(sumTotalTermFreq / (double)collectionStats.MaxDoc);
        if (!_lengthFactors.TryGetValue(avgdl, out var factors))
        {
            // Counting a ConcurrentDictionary takes all its locks: only a new table pays for it.
            if (_lengthFactors.Count >= MaxTables) _lengthFactors.Clear();
            factors = _lengthFactors.GetOrAdd(avgdl, LengthFactors);
        }
        return new Stats(collectionStats.Field, idf, queryBoost, avgdl, factors);
    }

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        var stats = (Stats)weight;
        return new DocScorer(stats, context.AtomicReader.GetNormValues(stats.Field));
    }

    public override string ToString() => $"BM25(k1={K1},b={B})";

    private static float Idf(long docFreq, long numDocs) => (float)Math.Log(1 + (numDocs - docFreq + 0.5D) / (docFreq + 0.5D));

    /// <summary>The freq-independent part of BM25 for each norm value, as Lucene's BM25 computes it per query.</summary>
    private static float[] LengthFactors(float avgdl)
    {
        var factors = new float[256];
        for (var i = 0; i < factors.Length; i++) factors[i] = K1 * ((1 - B) + B * Lengths[i] / avgdl);
        return factors;
    }

    private sealed class Stats(string fieldName, float idf, float queryBoost, float avgdl, float[] lengthFactors) : SimWeight
    {
        public string Field => fieldName;
        public float Idf => idf;
        public float QueryBoost => queryBoost;
        public float Avgdl => avgdl;
        public float[] LengthFactors => lengthFactors;
        public float TopLevelBoost { get; private set; }
        public float Weight { get; private set; }

        // A TF-IDF-like value to be nice, as Lucene's BM25 does; BM25 itself does not normalise.
        public override float GetValueForNormalization()
        {
            var queryWeight = idf * queryBoost;
            return queryWeight * queryWeight;
        }

        public override void Normalize(float queryNorm, float topLevelBoost)
        {
            TopLevelBoost = topLevelBoost;
            Weight = idf * queryBoost * topLevelBoost;
        }
    }

    private sealed class DocScorer(Stats stats, NumericDocValues? norms) : SimScorer
    {
        private readonly float _weightValue = stats.Weight * (K1 + 1);

        // Without norms, BM25 acts as if b were 0.
        public override float Score(int doc, float freq) =>
            _weightValue * freq / (freq + (norms is null ? K1 : stats.LengthFactors[(byte)norms.Get(doc)]));

        public override float ComputeSlopFactor(int distance) => 1.0f / (distance + 1);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1;

        public override Explanation Explain(int doc, Explanation freq)
        {
            var boost = stats.QueryBoost * stats.TopLevelBoost;
            var result = new Explanation { Description = $"score(doc={doc},freq={freq}), product of:" };
            if (boost != 1.0f) result.AddDetail(new Explanation(boost, "boost"));
            result.AddDetail(new Explanation(stats.Idf, "idf"));
            var tfNorm = new Explanation { Description = "tfNorm, computed from:" };
            tfNorm.AddDetail(freq);
            tfNorm.AddDetail(new Explanation(K1, "parameter k1"));
            if (norms is null)
            {
                tfNorm.AddDetail(new Explanation(0, "parameter b (norms omitted for field)"));
                tfNorm.Value = freq.Value * (K1 + 1) / (freq.Value + K1);
            }
            else
            {
                var length = Lengths[(byte)norms.Get(doc)];
                tfNorm.AddDetail(new Explanation(B, "parameter b"));
                tfNorm.AddDetail(new Explanation(stats.Avgdl, "avgFieldLength"));
                tfNorm.AddDetail(new Explanation(length, "fieldLength"));
                tfNorm.Value = freq.Value * (K1 + 1) / (freq.Value + K1 * (1 - B + B * length / stats.Avgdl));
            }
            result.AddDetail(tfNorm);
            result.Value = boost * stats.Idf * tfNorm.Value;
            return result;
        }
    }
}
