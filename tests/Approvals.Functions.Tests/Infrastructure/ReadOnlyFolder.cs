using System.Diagnostics;

namespace Approvals.Functions.Tests.Infrastructure;

/// <summary>
/// A temporary folder that cannot be written until <see cref="MakeWritable"/>: a read-only bind mount of itself when
/// the tests run as root (root ignores file modes, as on this machine and in CI), mode 0555 otherwise.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ReadOnlyFolder : IDisposable
{
    private readonly bool mounted;

    private ReadOnlyFolder(string path, bool mounted)
    {
        Path = path;
        this.mounted = mounted;
    }

    public string Path { get; }

    public static ReadOnlyFolder Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"approvals-readonly-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        if (!Environment.IsPrivilegedProcess)
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            return new ReadOnlyFolder(path, mounted: false);
        }
        Run("mount", "--bind", path, path);
        Run("mount", "-o", "remount,ro,bind", path, path);
        return new ReadOnlyFolder(path, mounted: true);
    }

    /// <summary>As when the operator fixes the mount or the permissions while the app keeps running.</summary>
    public void MakeWritable()
    {
        if (mounted) Run("mount", "-o", "remount,rw,bind", Path, Path);
        else File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
    }

    public void Dispose()
    {
        try
        {
            if (mounted) Run("umount", Path);
            else MakeWritable();
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is not worth failing the test run for.
        }
    }
}
