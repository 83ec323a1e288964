using KycOcr.Core.Configuration;
using KycOcr.Core.Mrz.Reading;

namespace KycOcr.Core.Tests.Mrz.Reading;

/// <summary>One reader for a test class, as the service holds one singleton.</summary>
public sealed class MrzReaderFixture : IDisposable
{
    public MrzImageReader Reader { get; } = new(new MrzReaderOptions());

    public void Dispose() => Reader.Dispose();
}
