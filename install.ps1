# Installs the osm command-line tool for the current user on Windows.
#
#   Invoke-RestMethod https://raw.githubusercontent.com/osm-cli/osm/main/install.ps1 | Invoke-Expression
#
# Settings (environment variables):
#   $env:OSM_VERSION       version to install, e.g. 0.1.0 or v0.1.0 (default: the latest release)
#   $env:OSM_DOWNLOAD_URL  base URL of the release files (default: GitHub releases); files are fetched
#                          from $env:OSM_DOWNLOAD_URL/v<version>/<file>. Without OSM_VERSION, a mirror
#                          must serve $env:OSM_DOWNLOAD_URL/latest, a text file holding the latest version.
#   $env:OSM_INSTALL_DIR   where to put osm.exe (default: $env:LOCALAPPDATA\osm\bin); no admin rights needed
#   $env:OSM_ISTIOCTL_LINK set to 1 to also add istioctl.exe, a hard link to osm.exe, so that istioctl
#                          command lines (install, kube-inject, uninstall, ...) run osm. Never replaces
#                          an istioctl that is not such a link.
#
# The zip's SHA-256 is checked against the release's sha256sums.txt before anything is installed.
# Runs in Windows PowerShell 5.1 and PowerShell 7.

function Install-Osm {
    $ErrorActionPreference = 'Stop'
    # Windows PowerShell 5.1 downloads many times slower while drawing a progress bar.
    $ProgressPreference = 'SilentlyContinue'
    # Windows PowerShell 5.1 may default to TLS 1.0, which GitHub refuses.
    [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12

    $repo = 'osm-cli/osm'
    $baseUrl = "https://github.com/$repo/releases/download"
    if ($env:OSM_DOWNLOAD_URL) {
        $baseUrl = $env:OSM_DOWNLOAD_URL.TrimEnd('/')
    }
    $installDir = $env:OSM_INSTALL_DIR
    if (-not $installDir) {
        $installDir = Join-Path $env:LOCALAPPDATA 'osm\bin'
    }

    # A 32-bit PowerShell on 64-bit Windows reports x86 here and the real machine in the other variable.
    $machine = $env:PROCESSOR_ARCHITEW6432
    if (-not $machine) {
        $machine = $env:PROCESSOR_ARCHITECTURE
    }
    if ($machine -eq 'AMD64') {
        $arch = 'amd64'
    } elseif ($machine -eq 'ARM64') {
        # Windows 11 on Arm runs amd64 programs; osm has no native Windows Arm build.
        $arch = 'amd64'
    } else {
        throw "CPU architecture '$machine' is not supported: osm for Windows is built for amd64"
    }

    $tmp = Join-Path ([IO.Path]::GetTempPath()) ('osm-install-' + [Guid]::NewGuid())
    New-Item -ItemType Directory -Path $tmp | Out-Null
    try {
        $version = $env:OSM_VERSION
        if (-not $version) {
            if ($env:OSM_DOWNLOAD_URL) {
                $latestFile = Join-Path $tmp 'latest'
                try {
                    Invoke-WebRequest -UseBasicParsing -Uri "$baseUrl/latest" -OutFile $latestFile
                } catch {
                    throw "cannot read $baseUrl/latest to find the latest version: set OSM_VERSION, or publish that file"
                }
                $version = (Get-Content -LiteralPath $latestFile -TotalCount 1).Trim()
            } else {
                $api = "https://api.github.com/repos/$repo/releases/latest"
                try {
                    $version = (Invoke-RestMethod -UseBasicParsing -Uri $api).tag_name
                } catch {
                    throw "cannot ask GitHub for the latest release ($api): set OSM_VERSION to the version you want"
                }
            }
        }
        $version = "$version".TrimStart('v')
        if ($version -notmatch '^[0-9][0-9A-Za-z.+-]*$') {
            throw "OSM_VERSION '$version' is not a version such as 0.1.0"
        }

        $exe = Join-Path $installDir 'osm.exe'
        if (Test-Path -LiteralPath $exe) {
            # Windows PowerShell 5.1 turns a native program's stderr into a terminating error here.
            try {
                $current = & $exe version --client 2>$null | Out-String
            } catch {
                $current = ''
            }
            if ($current -match ('CLI Version:\s+v' + [regex]::Escape($version) + '\s')) {
                Write-Host "osm v$version is already installed in $installDir; nothing to do."
                Add-IstioctlLink $installDir $exe
                Add-OsmToUserPath $installDir
                Show-OsmNextSteps
                return
            }
        }

        $archive = "osm-$version-windows-$arch.zip"
        $releaseUrl = "$baseUrl/v$version"
        Write-Host "Downloading osm v$version for windows/$arch from $releaseUrl"
        $sums = Join-Path $tmp 'sha256sums.txt'
        try {
            Invoke-WebRequest -UseBasicParsing -Uri "$releaseUrl/sha256sums.txt" -OutFile $sums
        } catch {
            throw "osm v$version is not published at $releaseUrl (sha256sums.txt is missing): check OSM_VERSION"
        }
        $expected = $null
        foreach ($line in Get-Content -LiteralPath $sums) {
            $fields = $line -split '\s+', 2
            if ($fields.Count -eq 2 -and $fields[1].TrimStart('*') -eq $archive) {
                $expected = $fields[0].ToLowerInvariant()
            }
        }
        if (-not $expected) {
            throw "sha256sums.txt of v$version has no entry for $archive; nothing was installed"
        }

        $zip = Join-Path $tmp $archive
        Invoke-WebRequest -UseBasicParsing -Uri "$releaseUrl/$archive" -OutFile $zip
        $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath $zip).Hash.ToLowerInvariant()
        if ($actual -ne $expected) {
            throw "checksum mismatch for ${archive}: expected $expected, got $actual. The download is corrupt or was tampered with; nothing was installed"
        }
        Write-Host "Verified SHA-256 $actual"

        $unpacked = Join-Path $tmp 'unpacked'
        Expand-Archive -LiteralPath $zip -DestinationPath $unpacked -Force
        New-Item -ItemType Directory -Path $installDir -Force | Out-Null
        Copy-Item -LiteralPath (Join-Path $unpacked 'osm.exe') -Destination $exe -Force
        Write-Host "Installed osm v$version to $exe"
        Add-IstioctlLink $installDir $exe
        Add-OsmToUserPath $installDir
        Show-OsmNextSteps
    } finally {
        Remove-Item -LiteralPath $tmp -Recurse -Force -ErrorAction SilentlyContinue
    }
}

# With OSM_ISTIOCTL_LINK=1, $dir\istioctl.exe becomes a hard link to osm.exe (no admin rights needed,
# unlike a symbolic link), which runs istioctl's command lines when called by that name. A real
# istioctl, in $dir or anywhere on PATH, is left alone: the link would replace or shadow it.
function Add-IstioctlLink([string]$dir, [string]$exe) {
    if ($env:OSM_ISTIOCTL_LINK -ne '1') {
        return
    }
    $link = Join-Path $dir 'istioctl.exe'
    if (Test-Path -LiteralPath $link) {
        $same = (Get-FileHash -LiteralPath $link).Hash -eq (Get-FileHash -LiteralPath $exe).Hash
        if ($same) {
            Write-Host "istioctl.exe already links to osm in $dir; nothing to do."
        } else {
            Write-Warning "$link exists and is not osm; left as it is (remove it to get the link)"
        }
        return
    }
    $found = Get-Command istioctl -ErrorAction SilentlyContinue
    if ($found) {
        Write-Warning "an istioctl is already on PATH at $($found.Source); no link made, so it keeps answering to istioctl"
        return
    }
    New-Item -ItemType HardLink -Path $link -Target $exe | Out-Null
    Write-Host "Linked $link to osm: istioctl command lines now run osm"
}

# Adds $dir to the user's PATH (no admin rights) unless it is already there, and to this session's.
function Add-OsmToUserPath([string]$dir) {
    $userPath = [Environment]::GetEnvironmentVariable('Path', 'User')
    $entries = @()
    if ($userPath) {
        $entries = @($userPath -split ';' | Where-Object { $_ -ne '' })
    }
    $present = $entries | Where-Object { $_.TrimEnd('\') -eq $dir.TrimEnd('\') }
    if (-not $present) {
        [Environment]::SetEnvironmentVariable('Path', (($entries + $dir) -join ';'), 'User')
        Write-Host "Added $dir to your user PATH (new terminals will see it)."
    }
    if (($env:Path -split ';') -notcontains $dir) {
        $env:Path = "$env:Path;$dir"
    }
}

function Show-OsmNextSteps {
    Write-Host ''
    Write-Host 'Next:'
    Write-Host '  osm version     # the client version, and the cluster and mesh it can see'
    Write-Host '  osm install     # install Open Service Mesh into the current kubectl context'
}

Install-Osm
