using System.Diagnostics;
using KycOcr.Core.Configuration;
using KycOcr.Core.Preprocessing;
using KycOcr.Core.Quality;
using KycOcr.Samples;
using KycOcr.TestSupport.Quality;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace KycOcr.Core.Tests.Quality;

/// <summary>Runs alone: other tests generating 12 MP photos in parallel would swamp the working set.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "memory";
}

[Collection(MemoryCollection.Name)]
public sealed class QualityGateMemoryTests(ITestOutputHelper output)
{
    private static DocumentPreprocessor Preprocessor() => JobPreprocessing.Create();

    [Fact]
    public void Native_memory_stays_flat_over_hundreds_of_photos()
    {
        var photos = Enumerable.Range(0, 6).Select(i => SyntheticDocumentGenerator.Generate(new DocumentPhotoSpec
        {
            Seed = 400 + i, FrameWidth = 480, FrameHeight = 360, Coverage = 0.5, RotationDegrees = 5 * i - 12,
            Background = (BackgroundKind)(i % 3),
            Degradations = i == 5 ? new Degradations { GaussianBlurSigma = 3 } : Degradations.None,
        }).Bytes).ToArray();
        var preprocessor = Preprocessor();
        void Run(int count)
        {
            for (var i = 0; i < count; i++)
                _ = preprocessor.Prepare(photos[i % photos.Length]);
        }

        Run(40);
        var before = Footprint();
        Run(240);
        var after = Footprint();

        // Each photo decodes 0.5 MB and warps, measures and encodes more: 240 leaked photos would add well over 100 MB.
        output.WriteLine($"before {before / 1048576.0:0.0} MB, after {after / 1048576.0:0.0} MB");
        Assert.True(after - before < 30L * 1024 * 1024, $"memory grew by {(after - before) / 1048576.0:0.0} MB");
    }

    // Native memory: the working set less what the managed heap holds committed. The heap's own size follows the
    // collector's budget (and the rest of the test run), not leaks of OpenCV buffers.
    private static long Footprint()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 - GC.GetGCMemoryInfo().TotalCommittedBytes;
    }
}
