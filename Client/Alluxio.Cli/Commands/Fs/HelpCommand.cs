using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs help [COMMAND]</c>: the help of one fs command (as its <c>--help</c>), or of <c>fs</c> itself.</summary>
public static class HelpCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string?>("COMMAND") { Arity = ArgumentArity.ZeroOrOne, Description = "An fs command; all of them are listed when omitted." };
        var command = new Command("help", CommandText.Describe("Print the usage of an fs command, or list the fs commands.", "alluxio fs help ls"))
        {
            name,
        };
        context.SetOfflineAction(command, async (r, ct) =>
        {
            var fs = command.Parents.OfType<Command>().Single();
            var wanted = r.GetValue(name);
            if (wanted is not null && !fs.Subcommands.Any(c => c.Name == wanted || c.Aliases.Contains(wanted)))
            {
                context.Error.WriteLine($"alluxio: '{wanted}' is not an fs command. See 'alluxio fs help'.");
                return ExitCodes.Usage;
            }

            string[] args = wanted is null ? [fs.Name, "--help"] : [fs.Name, wanted, "--help"];
            return await r.RootCommandResult.Command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error }, ct);
        });
        return command;
    }
}
