import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useNextSuffix } from './useAfterSignIn';

/** "No account yet? Create one" and back: the link keeps `?next=`. */
export function SwitchAuthLink({ question, link, to }: { question: string; link: string; to: '/signin' | '/signup' }) {
  const nextSuffix = useNextSuffix();
  return (
    <Text size="sm">
      {question}{' '}
      <Anchor component={Link} to={`${to}${nextSuffix}`}>
        {link}
      </Anchor>
    </Text>
  );
}
