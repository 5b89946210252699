import type { PublicProfile } from '../pageData';
import { useT } from '../i18n';
import { BlockButton } from '../parts/BlockButton';
import { DateTime } from '../parts/DateTime';

export function ProfilePage({ profile, blockedByMe }: { profile: PublicProfile; blockedByMe: boolean }) {
  const t = useT();
  return (
    <article className="profile">
      <h1>{profile.displayName}</h1>
      {profile.avatarUrl && <img src={profile.avatarUrl} alt="" width={96} height={96} className="avatar" />}
      <dl>
        <dt>{t('forum.profile.joined')}</dt>
        <dd>
          <DateTime iso={profile.joinedAt} dateOnly />
        </dd>
        <dt>{t('forum.profile.handle')}</dt>
        <dd>{`@${profile.handle}`}</dd>
        <dt>{t('forum.profile.trustLevel')}</dt>
        <dd>{t(`forum.trust.${profile.trustLevel}`)}</dd>
        {profile.languages.length > 0 && (
          <>
            <dt>{t('forum.profile.languages')}</dt>
            <dd>{profile.languages.join(', ')}</dd>
          </>
        )}
        {profile.interests.length > 0 && (
          <>
            <dt>{t('forum.profile.interests')}</dt>
            <dd>{profile.interests.join(', ')}</dd>
          </>
        )}
      </dl>
      {profile.bio && <p className="bio">{profile.bio}</p>}
      {profile.badges.length > 0 && (
        <section aria-labelledby="badges-title">
          <h2 id="badges-title">{t('forum.profile.badges')}</h2>
          <ul className="badges">
            {profile.badges.map((b) => (
              <li key={`${b.name}-${b.tier}`}>
                <span className={`badge tier-${b.tier}`}>{b.name}</span> {b.count > 1 && <span className="meta">×{b.count}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <BlockButton memberId={profile.id} initiallyBlocked={blockedByMe} />
    </article>
  );
}
