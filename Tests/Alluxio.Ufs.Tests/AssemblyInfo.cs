// The local connector and these tests use Linux system calls (statx, inotify, symlinks, modes).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
