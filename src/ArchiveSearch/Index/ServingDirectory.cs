using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace ArchiveSearch.Index;

/// <summary>
/// A published generation's files, memory-mapped and read through a pointer (<see cref="MappedInput"/>). Lucene.Net's
/// MMapDirectory reads every byte through a J2N buffer over a <see cref="MemoryMappedViewAccessor"/>, with calls and
/// checks on each: decoding postings a byte at a time (its <c>ReadByte</c>) was a quarter of a two-word search on the
/// bundled corpus. It also records every clone of an input (each term and postings lookup makes several) in a
/// ConditionalWeakTable, which the garbage collector scans at every collection (the collector held the threads 35–40%
/// of the time with it, 9% without, on the bundled corpus with two threads). Neither is needed here: the files never
/// change once published, and a generation's reader is closed only after the last search holding it has ended
/// (<c>ServingGeneration</c> counts them), so no input is read after its file is unmapped.
/// </summary>
public sealed class ServingDirectory(string path) : FSDirectory(new DirectoryInfo(path), null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        return new MappedInput($"MappedInput(path=\"{file}\")", new MappedFile(file));
    }

    /// <summary>Slices of one mapping: the files of a compound segment.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer((MappedInput)OpenInput(name, context));
    }

    private sealed class Slicer(MappedInput full) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            full.Slice($"{sliceDescription} in {full}", offset, length);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => (IndexInput)full.Clone();

        protected override void Dispose(bool disposing)
        {
            if (disposing) full.Dispose();
        }
    }
}

/// <summary>A whole file mapped read-only, and the address it starts at (none for an empty file, which cannot be mapped).</summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private int _disposed;

    public MappedFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Length = stream.Length;
        if (Length == 0) return;
        _file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* start = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        Start = start + _view.PointerOffset;
    }

    public byte* Start { get; }

    public long Length { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || _view is null) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file!.Dispose();
    }
}

/// <summary>
/// A stretch of a mapped file (all of it, or a compound file's part), read straight from memory. Clones share the
/// mapping; disposing the input they were cloned from unmaps it, and Lucene never reads a clone after that.
/// </summary>
internal sealed unsafe class MappedInput : IndexInput
{
    private readonly MappedFile _file;
    private readonly byte* _start;
    private readonly long _length;
    private readonly bool _ownsFile;
    private long _position;

    public MappedInput(string description, MappedFile file) : this(description, file, 0, file.Length, ownsFile: true)
    {
    }

    private MappedInput(string description, MappedFile file, long offset, long length, bool ownsFile) : base(description)
    {
        if (offset < 0 || length < 0 || offset + length > file.Length)
            throw new ArgumentException($"slice [{offset}, {offset + length}) is outside the file's {file.Length} bytes: {description}");
        _file = file;
        _start = file.Start + offset;
        _length = length;
        _ownsFile = ownsFile;
    }

    public override long Position => _position;

    public override long Length => _length;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _length) throw new EndOfStreamException($"seek to {pos} outside 0..{_length}: {this}");
        _position = pos;
    }

    /// <summary>The next <paramref name="count"/> bytes, which must be there; the position moves past them.</summary>
    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _length - _position) throw new EndOfStreamException($"read past EOF: {this}");
        var bytes = new ReadOnlySpan<byte>(_start + _position, count);
        _position += count;
        return bytes;
    }

    public override byte ReadByte()
    {
        if (_position >= _length) throw new EndOfStreamException($"read past EOF: {this}");
        return _start[_position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len) => Take(len).CopyTo(b.AsSpan(offset, len));

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

    /// <summary>As DataInput's, a byte at a time through the pointer rather than through a virtual call each.</summary>
    public override int ReadVInt32()
    {
        if (_length - _position < 5) return base.ReadVInt32();   // near the end: DataInput's, which checks every byte
        var p = _start + _position;
        int b = *p++, value = b & 0x7F;
        for (var shift = 7; b > 0x7F; shift += 7)
        {
            b = *p++;
            if (shift == 28 && (b & 0xF0) != 0) throw new IOException($"invalid vInt at {_position}: {this}");
            value |= (b & 0x7F) << shift;
        }
        _position = p - _start;
        return value;
    }

    public override long ReadVInt64()
    {
        if (_length - _position < 9) return base.ReadVInt64();
        var p = _start + _position;
        long b = *p++, value = b & 0x7F;
        for (var shift = 7; b > 0x7F; shift += 7)
        {
            if (shift > 56) throw new IOException($"invalid vLong at {_position}: {this}");
            b = *p++;
            value |= (b & 0x7F) << shift;
        }
        _position = p - _start;
        return value;
    }

    public override void SkipBytes(long numBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numBytes);
        Seek(_position + numBytes);
    }

    public override object Clone() => new MappedInput(ToString()!, _file, _start - _file.Start, _length, ownsFile: false) { _position = _position };

    /// <summary>A part of this input, from its start: a file of a compound segment.</summary>
    public MappedInput Slice(string description, long offset, long length) =>
        new(description, _file, _start - _file.Start + offset, length, ownsFile: false);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsFile) _file.Dispose();
    }
}
