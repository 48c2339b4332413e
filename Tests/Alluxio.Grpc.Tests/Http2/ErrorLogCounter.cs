using Microsoft.Extensions.Logging;

namespace Alluxio.Grpc.Tests.Http2;

/// <summary>A logger provider that counts entries at Error or above (a server that logs an error met something it did not expect).</summary>
internal sealed class ErrorLogCounter : ILoggerProvider
{
    private int _errors;

    public int Errors => Volatile.Read(ref _errors);

    public List<string> Messages { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Counter(this);

    public void Dispose()
    {
    }

    private sealed class Counter(ErrorLogCounter owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Error)
                return;
            Interlocked.Increment(ref owner._errors);
            lock (owner.Messages)
                owner.Messages.Add(formatter(state, exception) + " " + exception);
        }
    }
}
