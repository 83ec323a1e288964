global using Xunit;

// ldd, dpkg and Unix file modes: these checks stand in for a Debian 12 image build.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
