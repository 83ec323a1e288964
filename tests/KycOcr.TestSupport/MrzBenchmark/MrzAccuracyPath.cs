namespace KycOcr.TestSupport.MrzBenchmark;

/// <summary>How each generated document reaches the reader.</summary>
public enum MrzAccuracyPath
{
    /// <summary>Photographed, through the service's preprocessing (quality gate, deskew, stored JPEG): as an upload.</summary>
    Photographed,

    /// <summary>Photographed, but warped with the true corners instead of the gate's (no checks): the reader alone on real photos.</summary>
    TrueCorners,

    /// <summary>No photo and no gate: an emulation of the gate's output (<see cref="Documents.UprightDocuments"/>).</summary>
    Upright,
}
