using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>alluxio fs</c>: the namespace and data commands.</summary>
public static class FsCommand
{
    public static Command Create(CliContext context)
    {
        var fs = new Command("fs", CommandText.Describe("Namespace and data commands: list, create, remove, move, mount, sync, permissions; read, copy, load, free, persist, pin, TTL.", "alluxio fs ls -R /data"));
        Command[] commands =
        [
            LsCommand.Create(context),
            MkdirCommand.Create(context),
            TouchCommand.Create(context),
            RmCommand.Create(context),
            MvCommand.Create(context),
            StatCommand.Create(context),
            TestCommand.Create(context),
            CountCommand.Create(context),
            DuCommand.Create(context),
            MountCommand.Create(context),
            UnmountCommand.Create(context),
            UpdateMountCommand.Create(context),
            LoadMetadataCommand.Create(context),
            StartSyncCommand.Create(context),
            StopSyncCommand.Create(context),
            GetSyncPathListCommand.Create(context),
            ChmodCommand.Create(context),
            ChownCommand.Create(context),
            ChgrpCommand.Create(context),
            LeaderCommand.Create(context),
            MasterInfoCommand.Create(context),
            CatCommand.Create(context),
            HeadTailCommand.CreateHead(context),
            HeadTailCommand.CreateTail(context),
            ChecksumCommand.Create(context),
            LocationCommand.Create(context),
            CopyFromLocalCommand.Create(context),
            CopyToLocalCommand.Create(context),
            CpCommand.Create(context),
            LoadCommand.Create(context),
            FreeCommand.Create(context),
            PersistCommand.Create(context),
            PinCommand.CreatePin(context),
            PinCommand.CreateUnpin(context),
            TtlCommand.CreateSet(context),
            TtlCommand.CreateUnset(context),
            CapacityBytesCommand.CreateCapacity(context),
            CapacityBytesCommand.CreateUsed(context),
            SetReplicationCommand.Create(context),
            GetFaclCommand.Create(context),
            SetFaclCommand.Create(context),
            DistributedCpCommand.Create(context),
            CheckConsistencyCommand.Create(context),
            HelpCommand.Create(context),
        ];
        foreach (var command in commands)
        {
            fs.Subcommands.Add(command);
        }

        return fs;
    }
}
