using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Wire;
using Alluxio.Protos.Grpc.File;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Xunit;
using FileInfo = Alluxio.Protos.Grpc.File.FileInfo;

namespace Alluxio.Grains.Tests;

/// <summary>The hand-written FileInfo reader gives exactly what the generated parser plus FromWire give.</summary>
public sealed class FileInfoReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Every_field_reads_as_the_generated_parser_reads_it(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var info = RandomInfo(random);
            var bytes = info.ToByteArray();
            Assert.Equal(FileInfo.Parser.ParseFrom(bytes).FromWire(), FileInfoReader.Read(bytes));
        }
    }

    [Fact]
    public void Every_field_of_FileInfo_is_known_to_the_reader()
    {
        // A field added to FileInfo must be added to the reader: a populated value has to come through.
        var random = new Random(7);
        foreach (var field in FileInfo.Descriptor.Fields.InFieldNumberOrder().Where(f => f.Name != "persisted"))
        {
            var info = new FileInfo();
            SetRandom(info, field, random, nonDefault: true);
            Assert.NotEqual(FileInfoReader.Read(new FileInfo().ToByteArray()), FileInfoReader.Read(info.ToByteArray()));
        }
    }

    [Fact]
    public void Unpacked_block_ids_and_unknown_fields_are_read_like_the_generated_parser()
    {
        var output = new MemoryStream();
        var stream = new CodedOutputStream(output);
        stream.WriteTag(1, WireFormat.WireType.Varint);
        stream.WriteInt64(42);
        foreach (var block in new long[] { 7, 1L << 40 })
        {
            stream.WriteTag(13, WireFormat.WireType.Varint); // unpacked repeated int64
            stream.WriteInt64(block);
        }

        stream.WriteTag(99, WireFormat.WireType.LengthDelimited); // unknown
        stream.WriteString("ignored");
        stream.WriteTag(98, WireFormat.WireType.Fixed64);
        stream.WriteFixed64(1);
        stream.WriteTag(97, WireFormat.WireType.Fixed32);
        stream.WriteFixed32(1);
        stream.WriteTag(3, WireFormat.WireType.LengthDelimited);
        stream.WriteString("/a/ü");
        stream.Flush();
        var bytes = output.ToArray();

        var read = FileInfoReader.Read(bytes);
        Assert.Equal(FileInfo.Parser.ParseFrom(bytes).FromWire(), read);
        Assert.Equal([7L, 1L << 40], read.BlockIds);
        Assert.Equal("/a/ü", read.Path);
    }

    [Theory]
    [InlineData(new byte[] { 0x08 }, "varint runs past the end")] // file_id without its value
    [InlineData(new byte[] { 0x12, 0x05, 0x61 }, "runs past the end")] // name longer than the data
    [InlineData(new byte[] { 0x12, 0x02, 0xC3, 0x28 }, "not valid UTF-8")]
    [InlineData(new byte[] { 0x00, 0x00 }, "number 0")]
    [InlineData(new byte[] { 0x0B }, "wire type 3")] // a group start
    [InlineData(new byte[] { 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "longer than 10 bytes")]
    public void Malformed_bytes_are_refused_with_the_reason(byte[] bytes, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => FileInfoReader.Read(bytes));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialized_form_is_made_once_and_matches_the_message()
    {
        var status = new FileStatus { FileId = 5, Name = "f", Path = "/f", Owner = "o", BlockIds = [1, 2] };
        var first = status.ToWireBytes();
        Assert.Same(first, status.ToWireBytes());
        Assert.Equal(status.ToWire().ToByteString(), first);
        Assert.Equal(status, FileInfoReader.Read(first.Span));
    }

    private static FileInfo RandomInfo(Random random)
    {
        var info = new FileInfo();
        foreach (var field in FileInfo.Descriptor.Fields.InFieldNumberOrder())
        {
            if (random.Next(4) != 0)
            {
                SetRandom(info, field, random, nonDefault: false);
            }
        }

        return info;
    }

    private static void SetRandom(FileInfo info, FieldDescriptor field, Random random, bool nonDefault)
    {
        object Value() => field.FieldType switch
        {
            FieldType.Int64 => nonDefault ? random.NextInt64(1, long.MaxValue) * (random.Next(2) == 0 ? 1 : -1) : random.NextInt64(long.MinValue, long.MaxValue),
            FieldType.Int32 => nonDefault ? random.Next(1, int.MaxValue) : random.Next(int.MinValue, int.MaxValue),
            FieldType.Bool => nonDefault || random.Next(2) == 0,
            FieldType.Enum => random.Next(1, field.EnumType.Values.Count),
            FieldType.String => field.Name == "persistence_state"
                ? new[] { "NOT_PERSISTED", "TO_BE_PERSISTED", "PERSISTED", "LOST" }[random.Next(nonDefault ? 1 : 0, 4)]
                : RandomText(random, nonDefault),
            _ => throw new InvalidOperationException($"FileInfo.{field.Name} has type {field.FieldType}, which this test does not generate."),
        };

        if (field.IsRepeated)
        {
            var list = (System.Collections.IList)field.Accessor.GetValue(info);
            for (var n = random.Next(nonDefault ? 1 : 0, 5); n > 0; n--)
            {
                list.Add(Value());
            }
        }
        else
        {
            field.Accessor.SetValue(info, Value());
        }
    }

    private static string RandomText(Random random, bool nonEmpty)
    {
        const string alphabet = "abc/xyz-_.0123456789 äöü€漢字🙂";
        var length = random.Next(nonEmpty ? 1 : 0, 40);
        var text = new System.Text.StringBuilder();
        while (text.Length < length)
        {
            var at = random.Next(alphabet.Length);
            if (char.IsSurrogate(alphabet[at]))
            {
                at = alphabet.IndexOf("🙂", StringComparison.Ordinal);
                text.Append("🙂");
            }
            else
            {
                text.Append(alphabet[at]);
            }
        }

        return text.ToString();
    }
}
