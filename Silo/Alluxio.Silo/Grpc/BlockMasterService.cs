using Alluxio.Grains.Blocks;
using Alluxio.Grpc.Server;
using Alluxio.Protos.Grpc.Block;
using Alluxio.Runtime;

namespace Alluxio.Silo.Grpc;

/// <summary>alluxio.grpc.block.BlockMasterClientService: workers and block locations, from the block master grain.</summary>
internal sealed class BlockMasterService(IGrainFactory grains)
{
    private IBlockMasterGrain Master => grains.GetGrain<IBlockMasterGrain>(0);

    public Task<GetWorkerInfoListPResponse> GetWorkerInfoList(GetWorkerInfoListPRequest request, ServerCallContext context) =>
        GrpcErrors.Map(async () =>
        {
            var response = new GetWorkerInfoListPResponse();
            foreach (var worker in await Master.GetWorkers())
            {
                var info = new WorkerInfoP { Id = worker.WorkerId, Address = worker.Address, Host = worker.Host, BlockCount = worker.BlockCount, LastHeartbeatMs = worker.LastHeartbeat.ToUnixTimeMilliseconds() };
                info.Tiers.Add(worker.Tiers.Select(t => new TierUsageP { Alias = t.Alias, CapacityBytes = t.CapacityBytes, UsedBytes = t.UsedBytes }));
                response.Workers.Add(info);
            }

            return response;
        });

    public Task<GetBlockLocationsPResponse> GetBlockLocations(GetBlockLocationsPRequest request, ServerCallContext context) =>
        GrpcErrors.Map(async () =>
        {
            var response = new GetBlockLocationsPResponse();
            foreach (var blockId in request.BlockIds)
            {
                var block = new BlockLocationsP { BlockId = blockId };
                block.Locations.Add((await Master.GetBlockLocations(blockId)).Select(l => new BlockLocationP { WorkerId = l.WorkerId, WorkerAddress = l.WorkerAddress, Host = l.Host, TierAlias = l.TierAlias }));
                response.Blocks.Add(block);
            }

            return response;
        });
}
