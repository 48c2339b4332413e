using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>alluxio fs</c>: the namespace commands.</summary>
public static class FsCommand
{
    public static Command Create(CliContext context)
    {
        var fs = new Command("fs", CommandText.Describe("Namespace commands: list, create, remove, move, mount, sync, permissions.", "alluxio fs ls -R /data"));
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
        ];
        foreach (var command in commands)
        {
            fs.Subcommands.Add(command);
        }

        return fs;
    }
}
