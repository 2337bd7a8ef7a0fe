using System.Text;

namespace ArchiveSearch.Ingest;

/// <summary>Turns a corpus file's bytes into text: detects the encoding and normalises line endings to '\n'.</summary>
public static class TextFileDecoder
{
    static TextFileDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads and decodes <paramref name="path"/>; throws <see cref="InvalidCorpusFileException"/> rather than return half a file.</summary>
    public static string ReadAllText(string path) => Decode(path, File.ReadAllBytes(path));

    public static string Decode(string path, byte[] bytes)
    {
        var text = DecodeBytes(path, bytes);
        // A NUL or other C0 control character does not occur in text: the file is binary or in an encoding we did not detect.
        if (text.Any(c => c < ' ' && c is not ('\n' or '\r' or '\t' or '\f')))
            throw new InvalidCorpusFileException(path, "binary content (control characters) — not a text file");
        // Exports cut long lines mid-character and leave U+FFFD: drop it, keep the text around it.
        text = text.Replace("\uFFFD", "").Replace("\r\n", "\n").Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text))
            throw new InvalidCorpusFileException(path, "empty file");
        return text;
    }

    private static string DecodeBytes(string path, byte[] bytes)
    {
        if (bytes.Length == 0)
            throw new InvalidCorpusFileException(path, "empty file");
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
            return Strict(path, new UTF8Encoding(false, true), bytes, 3, "UTF-8");
        if (bytes is [0xFF, 0xFE, ..])
            return Strict(path, new UnicodeEncoding(false, false, true), bytes, 2, "UTF-16 LE");
        if (bytes is [0xFE, 0xFF, ..])
            return Strict(path, new UnicodeEncoding(true, false, true), bytes, 2, "UTF-16 BE");
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: the only other encoding Chinese sources send without a BOM is GB18030 (a superset of GBK/GB2312).
            var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return Strict(path, gb, bytes, 0, "UTF-8 or GB18030");
        }
    }

    private static string Strict(string path, Encoding encoding, byte[] bytes, int skip, string name)
    {
        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidCorpusFileException(path, $"cannot decode as {name} (byte offset {e.Index + skip})");
        }
    }
}
