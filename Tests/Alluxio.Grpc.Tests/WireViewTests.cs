using Alluxio.Grpc.Server;
using Alluxio.Grpc.Tests.Views;
using Google.Protobuf;
using Xunit;

namespace Alluxio.Grpc.Tests;

/// <summary>Views: messages a handler may write (or a client read) in place of an rpc's own, with the same encoding.</summary>
public abstract class WireViewTests
{
    /// <summary>Against Kestrel.</summary>
    public sealed class OnKestrel : WireViewTests
    {
        protected override ServerKind Kind => ServerKind.Kestrel;
    }

    /// <summary>Against the project's own HTTP/2 server.</summary>
    public sealed class OnHttp2 : WireViewTests
    {
        protected override ServerKind Kind => ServerKind.Http2;
    }

    /// <summary>The server the tests run against.</summary>
    protected abstract ServerKind Kind { get; }

    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Lister = ViewsReflection.Descriptor.Services[0];

    [Fact]
    public void A_view_with_bytes_for_a_message_is_compatible_and_anything_else_is_explained()
    {
        Assert.Null(WireCompatibility.Explain(ItemList.Descriptor, ItemListView.Descriptor));
        Assert.Null(WireCompatibility.Explain(ItemList.Descriptor, ItemList.Descriptor));
        Assert.Contains("is Int64 where alluxio.test.views.ItemList.next is String", WireCompatibility.Explain(ItemList.Descriptor, ItemListWrongType.Descriptor), StringComparison.Ordinal);
        Assert.Contains("has no field of that number", WireCompatibility.Explain(ItemList.Descriptor, ItemListWrongNumber.Descriptor), StringComparison.Ordinal);
        Assert.Contains("cardinality", WireCompatibility.Explain(ItemList.Descriptor, ItemListSingular.Descriptor), StringComparison.Ordinal);
        Assert.Contains("is String where", WireCompatibility.Explain(ItemList.Descriptor, ItemListStrings.Descriptor), StringComparison.Ordinal);
        // The direction matters: ItemList's message field cannot stand for the view's bytes.
        Assert.NotNull(WireCompatibility.Explain(ItemListView.Descriptor, ItemList.Descriptor));
    }

    [Fact]
    public void Method_From_accepts_views_and_names_the_problem_of_anything_else()
    {
        var method = Method<ItemList, ItemListView>.From(Lister, "List");
        Assert.Same(ItemListView.Parser, method.ResponseParser);
        var error = Assert.Throws<ArgumentException>(() => Method<ItemList, ItemListWrongType>.From(Lister, "List"));
        Assert.Contains("is Int64 where", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_writing_a_view_is_read_as_the_declared_message_and_the_other_way_round()
    {
        await using var host = await TestHost.StartAsync(kind: Kind, map: app => app.MapGrpcService<ViewLister>(Lister));
        using var channel = host.CreateChannel();

        var declared = Method<ItemList, ItemList>.From(Lister, "List");
        using (var call = channel.ServerStreaming(declared, new ItemList { Next = "3" }))
        {
            var replies = await Read(call);
            Assert.Equal(["i0", "i1", "i2"], replies.SelectMany(r => r.Items).Select(i => i.Name));
            Assert.Equal([0L, 1, 2], replies.SelectMany(r => r.Items).Select(i => i.Size));
            Assert.All(replies, r => Assert.Equal("done", r.Next));
        }

        var asView = Method<ItemList, ItemListView>.From(Lister, "List");
        using (var call = channel.ServerStreaming(asView, new ItemList { Next = "2" }))
        {
            var replies = await Read(call);
            Assert.Equal(["i0", "i1"], replies.SelectMany(r => r.Items).Select(b => Item.Parser.ParseFrom(b).Name));
        }
    }

    [Fact]
    public async Task A_handler_writing_an_incompatible_message_fails_at_startup()
    {
        await using var app = BindingTests.NewApp(s => s.AddGrpcWire());
        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<WrongLister>(Lister));
        Assert.Contains("rpc /alluxio.test.views.Lister/List (ServerStreaming) needs `public Task List(ItemList request, IServerStreamWriter<ItemList> responseStream, ServerCallContext context)`", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<T>> Read<T>(AsyncServerStreamingCall<T> call)
        where T : class, IMessage<T>
    {
        var replies = new List<T>();
        await Waits.For(Task.Run(async () =>
        {
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
                replies.Add(reply);
        }), "the List stream");
        return replies;
    }

    /// <summary>Answers List with <c>Next</c> items, each serialized in advance, one message per item.</summary>
    private sealed class ViewLister
    {
        public async Task List(ItemList request, IServerStreamWriter<ItemListView> responseStream, ServerCallContext context)
        {
            for (var i = 0; i < int.Parse(request.Next, System.Globalization.CultureInfo.InvariantCulture); i++)
            {
                var item = new Item { Name = "i" + i, Size = i }.ToByteString();
                await responseStream.WriteAsync(new ItemListView { Items = { item }, Next = "done" });
            }
        }
    }

    private sealed class WrongLister
    {
        public Task List(ItemList request, IServerStreamWriter<ItemListWrongType> responseStream, ServerCallContext context) => Task.CompletedTask;
    }
}
