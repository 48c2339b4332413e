using Alluxio.Silo.Hosting;
using Xunit;

namespace Alluxio.Silo.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_Alluxios()
    {
        var options = new SiloHostOptions();
        Assert.Equal("./data", options.DataDir);
        Assert.Equal("./data/underfs", options.RootUfs);
        Assert.Equal(19998, options.Port);
        Assert.Equal(19999, options.WebPort);
        Assert.Equal(29999, options.DataPort);
        Assert.Equal(["master", "worker"], options.EffectiveRoles);
        Assert.Empty(SiloHostOptionsValidator.Problems(options));
    }

    [Fact]
    public void Every_bad_value_is_reported_with_its_option_name()
    {
        var problems = SiloHostOptionsValidator.Problems(new SiloHostOptions
        {
            DataDir = " ",
            Port = 0,
            WebPort = 70000,
            DataPort = -2,
            BindAddress = "nowhere",
            Roles = ["master", "chef"],
            TlsCertificate = "/no/such/cert.pfx",
        }).ToList();

        Assert.Contains(problems, p => p.StartsWith("--data-dir", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--port", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--web-port", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--data-port must be between", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--bind-address", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'chef'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--tls-certificate", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_port_twice_is_refused()
    {
        var problems = SiloHostOptionsValidator.Problems(new SiloHostOptions { Port = 5000, WebPort = 5000 });
        Assert.Contains("--port and --web-port must differ (both 5000).", problems);
        Assert.Contains("--data-port must differ from --port and --web-port (all are 5000).", SiloHostOptionsValidator.Problems(new SiloHostOptions { Port = 5000, DataPort = 5000 }));
        Assert.Empty(SiloHostOptionsValidator.Problems(new SiloHostOptions { DataPort = 0 }));
        Assert.Empty(SiloHostOptionsValidator.Problems(new SiloHostOptions { DataPort = -1 }));
    }

    [Fact]
    public void Command_line_options_become_configuration_keys()
    {
        var root = SiloCommandLine.Create((_, _) => Task.FromResult(0));
        var parsed = root.Parse(["--data-dir", "/d", "--root-ufs", "/u", "--port", "1", "--web-port", "2", "--data-port", "0", "--role", "master,worker", "--log-format", "json"]);
        Assert.Empty(parsed.Errors);
        var config = SiloCommandLine.ToConfiguration(parsed);
        Assert.Equal("/d", config["DataDir"]);
        Assert.Equal("/u", config["RootUfs"]);
        Assert.Equal("1", config["Port"]);
        Assert.Equal("2", config["WebPort"]);
        Assert.Equal("0", config["DataPort"]);
        Assert.Equal("master", config["Roles:0"]);
        Assert.Equal("worker", config["Roles:1"]);
        Assert.Equal("json", config["Logging:Console:FormatterName"]);
    }

    [Fact]
    public void Unset_options_leave_configuration_alone()
    {
        var parsed = SiloCommandLine.Create((_, _) => Task.FromResult(0)).Parse([]);
        Assert.Empty(SiloCommandLine.ToConfiguration(parsed));
    }
}
