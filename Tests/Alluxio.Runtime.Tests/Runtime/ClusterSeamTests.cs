using System.Net;
using Alluxio.Runtime.Cluster;
using Alluxio.Runtime.Placement;
using Alluxio.Testing.Time;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Alluxio.Runtime.Tests.Runtime;

/// <summary>The single-silo implementations behind the cluster interfaces keep the interfaces' contracts.</summary>
public sealed class ClusterSeamTests : SiloTest
{
    private static SiloAddress Address(int port, int generation = 1) => new(new IPEndPoint(IPAddress.Loopback, port), generation);

    [Fact]
    public async Task The_silo_records_itself_active_in_the_membership_table()
    {
        var table = Silo.Services.GetRequiredService<IMembershipTable>();
        var local = Silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var data = await table.ReadAll();
        var row = Assert.Single(data.Members);
        Assert.Equal(local, row.Entry.SiloAddress);
        Assert.Equal(SiloStatus.Active, row.Entry.Status);
        Assert.Equal(["master", "worker"], row.Entry.Roles);
    }

    [Fact]
    public async Task Membership_changes_are_compare_and_swap_on_the_table_version_and_row_etag()
    {
        var table = new InMemoryMembershipTable();
        var entry = new MembershipEntry { SiloAddress = Address(1), Status = SiloStatus.Joining };
        var empty = await table.ReadAll();
        Assert.False(await table.InsertRow(entry, empty.Version), "the version must be the next one");
        Assert.True(await table.InsertRow(entry, empty.Version.Next()));
        Assert.False(await table.InsertRow(entry, empty.Version.Next().Next()), "a row is inserted once");

        var read = await table.ReadRow(entry.SiloAddress);
        var (row, etag) = Assert.Single(read.Members);
        Assert.False(await table.UpdateRow(row with { Status = SiloStatus.Active }, "wrong", read.Version.Next()));
        Assert.False(await table.UpdateRow(row with { Status = SiloStatus.Active }, etag, read.Version));
        Assert.True(await table.UpdateRow(row with { Status = SiloStatus.Active }, etag, read.Version.Next()));
        Assert.False(await table.UpdateRow(row with { Status = SiloStatus.Dead }, etag, read.Version.Next().Next()), "the old etag is spent");

        var time = DateTimeOffset.UnixEpoch.AddDays(1);
        await table.UpdateIAmAlive(row with { IAmAliveTime = time });
        Assert.Equal(time, (await table.ReadRow(entry.SiloAddress)).Members[0].Entry.IAmAliveTime);
    }

    [Fact]
    public async Task The_directory_is_first_writer_wins_and_unregisters_only_its_own_entry()
    {
        var directory = new LocalGrainDirectory();
        var id = GrainId.Create("t", "k");
        var first = new GrainAddress(id, Address(1), Guid.NewGuid());
        var second = new GrainAddress(id, Address(2), Guid.NewGuid());
        Assert.Equal(first, await directory.Register(first));
        Assert.Equal(first, await directory.Register(second));
        await directory.Unregister(second);
        Assert.Equal(first, await directory.Lookup(id));
        await directory.UnregisterSilos([Address(1)]);
        Assert.Null(await directory.Lookup(id));
    }

    [Fact]
    public void Placement_directors_choose_among_compatible_silos_and_hash_placement_is_stable()
    {
        var silos = new[] { Address(1), Address(2), Address(3) };
        var context = new FixedPlacementContext(silos[0], silos, masters: [silos[1], silos[2]]);
        var target = new PlacementTarget(GrainId.Create("t", "key-1"), typeof(IGrain));

        var hashed = new HashBasedPlacementDirector().OnAddActivation(HashBasedPlacement.Singleton, target, context);
        Assert.Equal(hashed, new HashBasedPlacementDirector().OnAddActivation(HashBasedPlacement.Singleton, target, new FixedPlacementContext(silos[2], [.. silos.Reverse()], [])));
        Assert.Equal(silos[0], new PreferLocalPlacementDirector().OnAddActivation(PreferLocalPlacement.Singleton, target, context));
        Assert.Contains(new RandomPlacementDirector().OnAddActivation(RandomPlacement.Singleton, target, context), silos);
        Assert.Contains(new SiloRoleBasedPlacementDirector().OnAddActivation(new SiloRoleBasedPlacement("master"), target, context), new[] { silos[1], silos[2] });
        Assert.Throws<SiloUnavailableException>(() =>
            new SiloRoleBasedPlacementDirector().OnAddActivation(new SiloRoleBasedPlacement("master"), target, new FixedPlacementContext(silos[0], silos, [])));
    }

    [Fact]
    public async Task The_loopback_transport_delivers_to_itself_and_refuses_other_silos()
    {
        var details = Silo.Services.GetRequiredService<ILocalSiloDetails>();
        var transport = new LoopbackSiloTransport(details);
        await Assert.ThrowsAsync<SiloUnavailableException>(async () =>
            await transport.SendAsync(new SiloMessage(details.SiloAddress, details.SiloAddress, 1, SiloMessageDirection.Request, default, default)));

        SiloMessage? received = null;
        transport.SetReceiver(m =>
        {
            received = m;
            return ValueTask.CompletedTask;
        });
        var message = new SiloMessage(details.SiloAddress, details.SiloAddress, 7, SiloMessageDirection.OneWay, default, new byte[] { 1, 2 });
        await transport.SendAsync(message);
        Assert.Same(message, received);
        await Assert.ThrowsAsync<SiloUnavailableException>(async () =>
            await transport.SendAsync(message with { Target = Address(9) }));
        Assert.Throws<InvalidOperationException>(() => transport.SetReceiver(_ => ValueTask.CompletedTask));
    }

    [Fact]
    public void The_manual_clock_fires_timers_in_order()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<int>();
        using var a = clock.CreateTimer(_ => fired.Add(2), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var b = clock.CreateTimer(_ => fired.Add(1), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal([1, 2, 1], fired);
    }

    private sealed class FixedPlacementContext(SiloAddress local, IReadOnlyList<SiloAddress> silos, IReadOnlyList<SiloAddress> masters) : IPlacementContext
    {
        public SiloAddress LocalSilo => local;

        public IReadOnlyList<SiloAddress> GetCompatibleSilos(PlacementTarget target) => silos;

        public IReadOnlyList<SiloAddress> GetSilosWithRole(string role) => role == "master" ? masters : [];

        public int GetActivationCount(SiloAddress silo) => 0;
    }
}
