using Alluxio.Runtime.Cluster;
using Alluxio.Runtime.Metadata;

namespace Alluxio.Runtime.Placement;

/// <summary>Chooses the silo for a new activation with the director registered for the class's strategy.</summary>
internal sealed class PlacementService(ISiloStatusOracle oracle, ILocalSiloDetails silo)
{
    private readonly PlacementContext _context = new(oracle);
    private readonly Dictionary<Type, IPlacementDirector> _directors = new()
    {
        [typeof(RandomPlacement)] = new RandomPlacementDirector(),
        [typeof(HashBasedPlacement)] = new HashBasedPlacementDirector(),
        [typeof(PreferLocalPlacement)] = new PreferLocalPlacementDirector(),
        [typeof(ActivationCountBasedPlacement)] = new ActivationCountPlacementDirector(),
        [typeof(SiloRoleBasedPlacement)] = new SiloRoleBasedPlacementDirector(),
    };

    public SiloAddress Place(GrainClassInfo info, GrainId grainId)
    {
        if (info.PlacementStrategy is StatelessWorkerPlacement)
        {
            return silo.SiloAddress;
        }

        if (!_directors.TryGetValue(info.PlacementStrategy.GetType(), out var director))
        {
            throw new InvalidOperationException($"No placement director for {info.PlacementStrategy.GetType().Name}.");
        }

        return director.OnAddActivation(info.PlacementStrategy, new PlacementTarget(grainId, info.GrainInterfaces.FirstOrDefault() ?? typeof(IGrain)), _context);
    }
}
